#!/usr/bin/env python3
"""A real browser fills in the handout form of `galley serve` and downloads
the PDF: Debian's chromium, headless, driven by chromedriver through
python3-selenium; then again from a server that asks for a token, signing
in on its page first. Usage: browser_test.py GALLEY SOURCE_DIR"""
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def start_server(galley, source, extra):
    log = tempfile.NamedTemporaryFile(prefix="galley-serve-", suffix=".log", delete=False)
    proc = subprocess.Popen([galley, "serve", "--config", os.path.join(source, "content/serve.yaml"),
                             "--port", "0"] + extra, stdout=subprocess.DEVNULL, stderr=log)
    for _ in range(1200):  # startup builds every template; slow under a sanitizer
        with open(log.name, encoding="utf-8", errors="replace") as f:
            m = re.search(r"serving \d+ templates? on (http://[^/]+/)", f.read())
        if m:
            return proc, m.group(1), log.name
        if proc.poll() is not None:
            sys.exit("galley serve exited at start:\n" + open(log.name).read())
        time.sleep(0.05)
    proc.kill()
    sys.exit("galley serve did not start")


def browser(downloads, profile):
    opts = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=412,915"):
        opts.add_argument(flag)
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    opts.add_experimental_option("prefs", {"download.default_directory": downloads,
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def run(galley, source, token):
    work = tempfile.mkdtemp(prefix="galley-browser-")
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    extra = []
    if token:
        with open(os.path.join(work, "token"), "w") as f:
            f.write(token + "\n")
        extra = ["--token-file", os.path.join(work, "token")]
    proc, base, log = start_server(galley, source, extra)
    driver = None
    try:
        driver = browser(downloads, os.path.join(work, "profile"))
        driver.set_page_load_timeout(60)
        driver.get(base)
        if token:
            assert driver.title == "Sign in", driver.title
            driver.find_element(By.ID, "token").send_keys(token)
            driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            # click() does not wait for the navigation the form starts.
            WebDriverWait(driver, 30).until(lambda d: d.title != "Sign in")
        assert driver.title == "Handouts", driver.title
        driver.find_element(By.LINK_TEXT, "IR residency handout").click()
        WebDriverWait(driver, 30).until(lambda d: d.current_url != base)
        assert driver.current_url == base + "t/handout", driver.current_url
        field = driver.find_element(By.ID, "v-recipient")
        label = driver.find_element(By.CSS_SELECTOR, "label[for=v-recipient]")
        assert label.text == "Prepared for", label.text
        # The browser's own validation from the constraints: an empty
        # required field is not sent.
        field.clear()
        assert driver.execute_script("return document.querySelector('form').checkValidity()") is False
        field.send_keys("Dr. Ada Example")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        pdf = None
        for _ in range(600):
            done = [p for p in glob.glob(os.path.join(downloads, "*")) if not p.endswith(".crdownload")]
            if done:
                pdf = done[0]
                break
            time.sleep(0.1)
        assert pdf, "no download: " + str(os.listdir(downloads))
        assert os.path.basename(pdf) == "handout-dr-ada-example.pdf", pdf
        with open(pdf, "rb") as f:
            assert f.read(5) == b"%PDF-", "not a PDF"
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
        text = " ".join(text.replace("\u00a0", " ").split())
        assert "Prepared for Dr. Ada Example" in text, text[:300]
        print("browser test%s: downloaded" % (" (signed in)" if token else ""), os.path.basename(pdf),
              "with the name in it")
    finally:
        if driver:
            driver.quit()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)
        os.unlink(log)
    if code != 0:
        sys.exit("galley serve exited %d after SIGTERM" % code)


def main():
    galley, source = sys.argv[1], sys.argv[2]
    run(galley, source, None)
    run(galley, source, "a token; with spaces")


if __name__ == "__main__":
    main()
