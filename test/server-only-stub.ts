// Outside Next (tests, scripts) `server-only` has nothing to guard; Next's bundler enforces it.
export {};
