package io.labelledger.task.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where export files live: {@code <dir>/<job id>.part} while a job writes it, renamed to {@code <job id>.export}
 * only once whole, so a download never serves half a file (a job restarted after a crash truncates the part).
 * Replicas sharing jobs must share this directory.
 */
public class ExportJobFiles {
    private final Path dir;

    public ExportJobFiles(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the export directory " + dir, e);
        }
    }

    /** The finished file. The job id is a UUID checked by the caller, so the name cannot leave the directory. */
    public Path done(String jobId) { return dir.resolve(jobId + ".export"); }

    public Path partial(String jobId) { return dir.resolve(jobId + ".part"); }

    public Path directory() { return dir; }
}
