package dev.seatbooking.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the {@code ops} user, who alone may call the services' and the gateway's operations endpoints
 * (metrics, projection admin). Made at the first start and kept in the data directory (readable by its owner only),
 * so that a metrics scraper set up once keeps working across restarts; {@code --fresh} makes a new one.
 */
public final class OpsCredential {

    public static final String USER = "ops";
    static final String PROPERTY = "seatbooking.ops.password";
    private static final String FILE = "ops-password";

    private OpsCredential() {
    }

    public static String ensure(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) return Files.readString(file, StandardCharsets.UTF_8).trim();
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Files.writeString(file, password, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no owner-only permission: the data directory's own protection is what there is
        }
        return password;
    }
}
