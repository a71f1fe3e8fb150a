package jetbrains.buildServer.serverSide.crypt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class EncryptUtil {

    private static final String PREFIX = "mirror-scrambled:";

    public EncryptUtil() {
    }

    public static boolean isScrambled(String s) {
        if (!s.startsWith(PREFIX)) {
            return false;
        }
        try {
            Base64.getDecoder().decode(s.substring(PREFIX.length()));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String scramble(String s) {
        return PREFIX + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String unscramble(String s) throws IllegalArgumentException {
        if (!isScrambled(s)) {
            throw new IllegalArgumentException("Cannot unscramble the specified string");
        }
        return new String(Base64.getDecoder().decode(s.substring(PREFIX.length())), StandardCharsets.UTF_8);
    }
}
