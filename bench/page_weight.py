"""Page weight of Today, measured in Chromium: bytes transferred on a first
visit (empty cache, fonts included) and on a repeat visit, and the largest
contentful paint. Targets (issue 17): 150 KB and 40 KB, LCP under 500 ms.

Run it against the app as it is served in production (`hearthside serve`,
which collects, hashes and compresses the static files; `--dev` serves them
plainly and says little), with the demo pair loaded:

    .venv/bin/hearthside demo && .venv/bin/hearthside serve --port 8124 &
    .venv/bin/python -m bench.page_weight --url http://127.0.0.1:8124
"""

import argparse

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
LCP = """() => new Promise(done => new PerformanceObserver(list => {
  const entries = list.getEntries(); done(entries[entries.length - 1].startTime);
}).observe({type: "largest-contentful-paint", buffered: true}))"""


def signed_in_cookies(browser, base: str, email: str, password: str) -> list:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")
    cookies = context.cookies()
    context.close()
    return cookies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--email", default="robin@example.com")
    parser.add_argument("--password", default="hearthside-demo")
    parser.add_argument("--path", default="/")
    options = parser.parse_args()
    base = options.url.rstrip("/")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        cookies = signed_in_cookies(browser, base, options.email, options.password)
        # A fresh context has an empty cache: the first visit of a new phone.
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.add_cookies(cookies)
        page = context.new_page()
        network = context.new_cdp_session(page)
        network.send("Network.enable")
        transferred: dict[str, int] = {}
        urls: dict[str, str] = {}
        network.on(
            "Network.responseReceived",
            lambda event: urls.__setitem__(event["requestId"], event["response"]["url"]),
        )
        network.on(
            "Network.loadingFinished",
            lambda event: transferred.__setitem__(event["requestId"], event["encodedDataLength"]),
        )
        for visit in ("first", "repeat"):
            transferred.clear()
            urls.clear()
            page.goto(base + options.path, wait_until="networkidle")
            total = sum(transferred.get(request, 0) for request in urls)
            for request, url in sorted(urls.items(), key=lambda item: -transferred.get(item[0], 0)):
                print(f"  {transferred.get(request, 0):>8,}  {url.removeprefix(base)}")
            lcp = page.evaluate(LCP)
            print(f"{visit} visit: {total / 1024:.1f} KB transferred, LCP {lcp:.0f} ms\n")
        browser.close()


if __name__ == "__main__":
    main()
