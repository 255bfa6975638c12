package io.labelledger.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the server's JVM while a workload runs: the Java heap in use (from {@code jstat -gc <pid> <ms>}: survivor,
 * eden and old generation used, i.e. live plus not-yet-collected objects) and the process's resident set
 * (VmRSS from /proc/&lt;pid&gt;/status, and the kernel's high-water mark VmHWM).
 */
public final class ServerProcess implements AutoCloseable {
    private final long pid;
    private final AtomicLong maxHeapUsedKb = new AtomicLong();
    private final AtomicLong firstHeapUsedKb = new AtomicLong(-1);
    private final AtomicLong lastHeapUsedKb = new AtomicLong();
    private final AtomicLong maxRssKb = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final long rssBeforeKb;
    private final long hwmBeforeKb;
    private final Process jstat;
    private final Thread rssSampler;
    private volatile boolean running = true;

    public ServerProcess(long pid, int intervalMs) throws Exception {
        this.pid = pid;
        this.rssBeforeKb = status("VmRSS:");
        this.hwmBeforeKb = status("VmHWM:");
        String jstatBin = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        Process p = null;
        try {
            p = new ProcessBuilder(jstatBin, "-gc", Long.toString(pid), Integer.toString(intervalMs)).redirectErrorStream(true).start();
        } catch (Exception e) {
            System.err.println("jstat unavailable (" + e.getMessage() + "): heap is not sampled");
        }
        this.jstat = p;
        if (p != null) {
            Process proc = p;
            Thread.ofVirtual().start(() -> readJstat(proc));
        }
        this.rssSampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (running) {
                long rss = status("VmRSS:");
                maxRssKb.accumulateAndGet(rss, Math::max);
                try {
                    Thread.sleep(intervalMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void readJstat(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String header = null;
            String line;
            while ((line = r.readLine()) != null) {
                String[] cols = line.strip().split("\\s+");
                if (cols.length > 0 && cols[0].equals("S0C")) {
                    header = line;
                    continue;
                }
                if (header == null) continue;
                List<String> names = List.of(header.strip().split("\\s+"));
                try {
                    double used = 0;
                    for (String n : List.of("S0U", "S1U", "EU", "OU")) {
                        int i = names.indexOf(n);
                        if (i >= 0 && i < cols.length && !cols[i].equals("-")) used += Double.parseDouble(cols[i]);
                    }
                    long kb = Math.round(used);
                    firstHeapUsedKb.compareAndSet(-1, kb);
                    lastHeapUsedKb.set(kb);
                    maxHeapUsedKb.accumulateAndGet(kb, Math::max);
                    samples.incrementAndGet();
                } catch (NumberFormatException ignored) {
                    // a warning line
                }
            }
        } catch (Exception ignored) {
            // jstat ended
        }
    }

    long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (Exception ignored) {
            // process gone or not Linux
        }
        return -1;
    }

    /** -XX:MaxHeapSize of the server, via jcmd VM.flags; empty if unknown. */
    public Optional<Long> maxHeapBytes() {
        try {
            String out = PgRef.exec(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "VM.flags"), java.time.Duration.ofSeconds(30));
            var m = java.util.regex.Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(out);
            return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public long maxHeapUsedKb() { return maxHeapUsedKb.get(); }
    public long firstHeapUsedKb() { return firstHeapUsedKb.get(); }
    public long lastHeapUsedKb() { return lastHeapUsedKb.get(); }
    public long maxRssKb() { return maxRssKb.get(); }
    public long rssBeforeKb() { return rssBeforeKb; }
    public long hwmBeforeKb() { return hwmBeforeKb; }
    public long hwmNowKb() { return status("VmHWM:"); }
    public long heapSamples() { return samples.get(); }

    @Override
    public void close() throws InterruptedException {
        running = false;
        rssSampler.interrupt();
        if (jstat != null) {
            jstat.destroy();
            if (!jstat.waitFor(5, TimeUnit.SECONDS)) jstat.destroyForcibly();
        }
    }

    /** The pid given, or the single local java process running the LabelLedger server jar. */
    public static Optional<Long> find(Args args) {
        if (args.has("server-pid")) return Optional.of(Long.parseLong(args.string("server-pid", "")));
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("infra-") && c.contains(".jar") && c.contains("java")).orElse(false))
                .toList();
        if (found.size() == 1) return Optional.of(found.getFirst().pid());
        if (found.size() > 1) System.err.println("Several LabelLedger servers run " + found.stream().map(ProcessHandle::pid).toList() + "; pass --server-pid");
        return Optional.empty();
    }

    static String mib(long kb) {
        return kb < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%,.0f MiB", kb / 1024.0);
    }
}
