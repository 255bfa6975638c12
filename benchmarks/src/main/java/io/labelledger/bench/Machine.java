package io.labelledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a result was measured on: cores, memory, CPU model, kernel, Java. */
public final class Machine {
    private Machine() {}

    public static String describe() {
        return String.format(Locale.ROOT, "%d cores (nproc), %s RAM, CPU \"%s\", Linux %s, Java %s",
                Runtime.getRuntime().availableProcessors(), memory(), cpuModel(), kernel(), System.getProperty("java.version"));
    }

    static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
        }
        return "unknown";
    }

    static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    static String kernel() {
        List<String> l = lines("/proc/sys/kernel/osrelease");
        return l.isEmpty() ? System.getProperty("os.version") : l.getFirst().strip();
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            return List.of();
        }
    }
}
