package io.buildanalytics.checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A list a person reviewed (one line per item, {@code #} comments), compared with what the build finds: any
 * difference fails with the added and removed lines, and the new list is written next to the build output for the
 * reviewer to check and copy over.
 */
public final class ReviewedList {

    private ReviewedList() {
    }

    /**
     * @param reviewed     the reviewed file as a class path resource of {@code anchor}, e.g. "/host-api-references.txt"
     * @param actualOutput where to write the list as found, when it differs
     * @param what         what the list is, for the message ("The plugin's use of the Jenkins API")
     * @param howToReview  what the reviewer must check before accepting a new line
     */
    public static void assertMatches(Set<String> actual, Class<?> anchor, String reviewed, Path actualOutput,
                                     String what, String howToReview) throws IOException {
        Set<String> sorted = new TreeSet<>(actual);
        Set<String> expected = new TreeSet<>();
        try (InputStream in = anchor.getResourceAsStream(reviewed)) {
            if (in == null) {
                throw new AssertionError("src/test/resources" + reviewed + " is missing");
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(expected::add);
        }
        if (sorted.equals(expected)) {
            return;
        }
        Files.write(actualOutput, sorted, StandardCharsets.UTF_8);
        List<String> diff = new ArrayList<>();
        sorted.stream().filter(line -> !expected.contains(line)).forEach(line -> diff.add("+ " + line));
        expected.stream().filter(line -> !sorted.contains(line)).forEach(line -> diff.add("- " + line));
        throw new AssertionError(what + " differs from the reviewed list (+ used but not reviewed, - reviewed but no "
                + "longer used):\n  " + String.join("\n  ", diff) + "\n" + howToReview + ", then copy " + actualOutput
                + " over src/test/resources" + reviewed + " (keep its header).");
    }
}
