package io.labelledger.audit.cli;

import io.labelledger.audit.chain.AuditChain;
import io.labelledger.audit.chain.AuditVerifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

/**
 * {@code java -jar infra.jar audit verify <export.jsonl> [--public-key <key.pem>]}: checks an audit export offline
 * (no database, no server) and names the first broken link (ADR 0051, docs/audit-verification.md). Exit status 0 when
 * everything verifies, 1 when a link is broken, 2 on a usage or file error.
 */
public final class AuditCommand {
    public static final String USAGE = "usage: audit verify <export.jsonl> [--public-key <key.pem>]";

    private AuditCommand() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("audit");
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 3 || !args[1].equals("verify")) {
            err.println(USAGE);
            return 2;
        }
        Path export = Path.of(args[2]);
        PublicKey pinned = null;
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                try {
                    pinned = AuditChain.fromPem(Files.readString(Path.of(args[++i]), StandardCharsets.US_ASCII));
                } catch (IOException | IllegalArgumentException e) {
                    err.println("cannot read the public key " + args[i] + ": " + e.getMessage());
                    return 2;
                }
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cannot read " + export + ": " + e.getMessage());
            return 2;
        }
        AuditVerifier.Result result = new AuditVerifier().verify(lines, pinned);
        out.println(result.text());
        return result.ok() ? 0 : 1;
    }
}
