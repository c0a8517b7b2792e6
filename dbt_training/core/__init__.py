"""Layer 0: what every app shares and nothing else. It imports Django only, never an app."""
