// Mends to markup that Django's own admin scripts build, loaded by templates/admin/base_site.html.
"use strict";
{
    // SelectFilter2.js (filter_horizontal) names the magnifier icon that labels each filter box
    // with aria-label on a bare <span>. ARIA prohibits a name on an element without a role, so
    // assistive technology may drop it (axe-core aria-prohibited-attr) and the filter box is left
    // without a label. As an image the icon keeps its name, and the box its label. The widgets are
    // built on load and again for each inline row added, hence an observer.
    const UNNAMED_ICONS = ".search-label-icon[aria-label]:not([role])";
    const nameIcons = () => {
        for (const icon of document.querySelectorAll(UNNAMED_ICONS)) {
            icon.setAttribute("role", "img");
        }
    };
    new MutationObserver(nameIcons).observe(document.documentElement, {childList: true, subtree: true});
}
