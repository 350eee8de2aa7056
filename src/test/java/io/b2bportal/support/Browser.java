package io.b2bportal.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The system Chromium driven by Playwright, one per test JVM. Playwright's own browser download does not
 * work everywhere, so we never use it: {@code CHROMIUM_PATH}, else {@code chromium} on the PATH. Without
 * one, browser tests are skipped with a message locally and fail under CI, where a browser must exist.
 */
public final class Browser {

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");
    private static com.microsoft.playwright.Browser browser;

    private Browser() {
    }

    /** A fresh, isolated browser context (own cookies) at the given base URL, in English unless told. */
    public static BrowserContext newContext(String baseUrl, String locale) {
        BrowserContext context = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setLocale(locale).setViewportSize(1366, 800));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** Signs a demo user in through the login form (password {@code demo}), in English. */
    public static void signIn(Page page, String email) {
        page.navigate("/login?lang=en");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill("demo");
        page.getByLabel("Password").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Saves a screenshot under target/screenshots for people to look at. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }

    private static synchronized com.microsoft.playwright.Browser browser() {
        if (browser == null) {
            Path executable = chromium().orElseGet(() -> {
                String message = "Browser tests need Chromium: install it (apt-get install chromium) "
                        + "or set CHROMIUM_PATH to a Chromium/Chrome executable.";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException(message);
                }
                Assumptions.abort(message);
                return null;
            });
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    static Optional<Path> chromium() {
        String configured = System.getenv("CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(n -> Path.of(dir, n)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
