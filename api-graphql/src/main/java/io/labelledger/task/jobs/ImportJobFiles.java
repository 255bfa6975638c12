package io.labelledger.task.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where uploaded files wait for their job: {@code <dir>/<job id>.upload}. Replicas that share jobs must share this
 * directory (a volume); the file is deleted when its job ends.
 */
public class ImportJobFiles {
    private final Path dir;

    public ImportJobFiles(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the import directory " + dir, e);
        }
    }

    /** The job id is a UUID checked by the caller, so the name cannot leave the directory. */
    public Path of(String jobId) {
        return dir.resolve(jobId + ".upload");
    }

    /** A file being received; renamed to {@link #of} only once complete, so no worker ever reads half an upload. */
    public Path partial(String jobId) {
        return dir.resolve(jobId + ".part");
    }

    public void delete(String jobId) {
        try {
            Files.deleteIfExists(of(jobId));
            Files.deleteIfExists(partial(jobId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() { return dir; }
}
