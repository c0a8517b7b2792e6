"""Counts the database queries of each request (DEBUG off, so Django keeps no query log) and
reports them in an `X-Queries` header. Only the load harness's settings install it."""

from django.db import connection


def query_count(get_response):
    def middleware(request):
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = get_response(request)
        response["X-Queries"] = str(count)
        return response

    return middleware
