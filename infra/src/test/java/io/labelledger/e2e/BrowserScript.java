package io.labelledger.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one of the browser scripts of ui/e2e (playwright-core driving Debian's headless Chromium, harness in
 * ui/e2e/lib.mjs) against a server on this machine, and fails with the script's output when the script fails or
 * outlives {@code limit}. Screenshots and the log land in infra/target/e2e (the log as {@code <script>.log}).
 */
final class BrowserScript {
    private BrowserScript() {
    }

    static Path artifacts() {
        return Path.of("target", "e2e").toAbsolutePath();
    }

    static void run(String script, int port, Duration limit) throws Exception {
        Path ui = Path.of("..", "ui").toAbsolutePath().normalize();
        Path file = ui.resolve("e2e").resolve(script);
        assertThat(file).exists();
        assertThat(ui.resolve("node_modules/playwright-core")).as("npm packages of ui/ (built by the ui module)").exists();
        Path artifacts = artifacts();
        Files.createDirectories(artifacts);
        Path log = artifacts.resolve(script.replace(".mjs", "") + ".log");

        ProcessBuilder builder = new ProcessBuilder("node", file.toString())
                .directory(ui.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        builder.environment().put("E2E_ARTIFACTS", artifacts.toString());
        Process node = builder.start();
        node.getOutputStream().close();
        boolean finished = node.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!finished) node.destroyForcibly();
        String output = Files.readString(log);
        assertThat(finished).as(script + " finished within " + limit.toSeconds() + " s:\n" + output).isTrue();
        assertThat(node.exitValue()).as(script + " exit code; output:\n" + output).isZero();
    }
}
