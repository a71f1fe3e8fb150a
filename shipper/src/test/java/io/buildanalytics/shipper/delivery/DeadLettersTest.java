package io.buildanalytics.shipper.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void aRefusedDocumentIsKeptWholeWithTheEnginesReason() throws Exception {
        DeadLetters letters = new DeadLetters(directory, 1024 * 1024);
        letters.rejected("cicd-events-2026.03", "abc", 400, "document_parsing_exception",
                "failed to parse field [labels.team] of type [long]", "{\"labels\":{\"team\":\"payments\"}}");

        List<String> lines = Files.readAllLines(letters.file());
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("index").asText()).isEqualTo("cicd-events-2026.03");
        assertThat(line.path("id").asText()).isEqualTo("abc");
        assertThat(line.path("status").asInt()).isEqualTo(400);
        assertThat(line.path("error_type").asText()).isEqualTo("document_parsing_exception");
        assertThat(line.path("reason").asText()).contains("labels.team");
        assertThat(line.path("document").path("labels").path("team").asText()).isEqualTo("payments");
        assertThat(line.path("at").asText()).isNotBlank();
    }

    @Test
    void unreadableFactsAreKeptAsTextWhenTheyAreNotJson() throws Exception {
        DeadLetters letters = new DeadLetters(directory, 1024 * 1024);
        letters.unreadable(17, "Not valid build facts: bad", "garbage{".getBytes(StandardCharsets.UTF_8));

        JsonNode line = JSON.readTree(Files.readAllLines(letters.file()).get(0));
        assertThat(line.path("spool_sequence").asLong()).isEqualTo(17);
        assertThat(line.path("facts").asText()).isEqualTo("garbage{");
    }

    @Test
    void theFileRollsOverAtItsLimitSoItCannotFillTheDisk() throws Exception {
        DeadLetters letters = new DeadLetters(directory, 2_000);
        for (int i = 0; i < 50; i++) {
            letters.rejected("i", "id-" + i, 400, "t", "r", "{\"n\":" + i + "}");
        }
        assertThat(Files.size(letters.file())).isLessThan(2_500);
        assertThat(directory.resolve(DeadLetters.FILE_NAME + ".1")).exists();
        assertThat(Files.readString(letters.file())).contains("id-49");
    }
}
