package io.buildanalytics.kibana.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

    private static final byte[] CONTENT = TestBundles.KIBANA.bytes();

    @Test
    void anIndependentParserReadsExactlyOneFilePartWithTheBytesUnchanged() throws Exception {
        MultipartBody body = MultipartBody.withFile("file", "build-analytics-kibana.ndjson", "application/ndjson",
                CONTENT);

        List<MultipartUpload.Part> parts = MultipartUpload.parse(body.contentType(), body.bytes());

        assertThat(parts).hasSize(1);
        MultipartUpload.Part part = parts.get(0);
        assertThat(part.disposition()).isEqualTo("form-data");
        assertThat(part.name()).isEqualTo("file");
        assertThat(part.fileName()).isEqualTo("build-analytics-kibana.ndjson");
        assertThat(part.headers()).containsEntry("content-type", "application/ndjson");
        assertThat(part.content()).isEqualTo(CONTENT);
    }

    @Test
    void theContentTypeNamesTheBoundaryAndEveryLineOfTheFramingEndsWithCrLf() {
        MultipartBody body = MultipartBody.withFile("file", "a.ndjson", "application/ndjson", CONTENT);
        String text = new String(body.bytes(), StandardCharsets.UTF_8);
        String boundary = body.boundary();

        assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=" + boundary);
        assertThat(boundary).matches("[0-9A-Za-z-]{1,70}");
        assertThat(text).startsWith("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n");
        assertThat(text).endsWith("\r\n--" + boundary + "--\r\n");
    }

    @Test
    void eachBodyGetsItsOwnRandomBoundary() {
        String first = MultipartBody.withFile("file", "a.ndjson", "application/ndjson", CONTENT).boundary();
        String second = MultipartBody.withFile("file", "a.ndjson", "application/ndjson", CONTENT).boundary();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aBoundaryThatOccursInTheContentIsNotUsed() throws Exception {
        byte[] content = "line one\r\n--taken\r\nline three\n".getBytes(StandardCharsets.UTF_8);
        Iterator<String> candidates = List.of("taken", "free").iterator();

        MultipartBody body = MultipartBody.withFile("file", "a.ndjson", "application/ndjson", content,
                candidates::next);

        assertThat(body.boundary()).isEqualTo("free");
        List<MultipartUpload.Part> parts = MultipartUpload.parse(body.contentType(), body.bytes());
        assertThat(parts).singleElement().satisfies(part -> assertThat(part.content()).isEqualTo(content));
    }

    @Test
    void quotesLineBreaksAndCarriageReturnsCannotBreakOutOfTheFileName() throws Exception {
        MultipartBody body = MultipartBody.withFile("file", "evil\"; name=\"other\r\nX-Injected: 1.ndjson",
                "application/ndjson", CONTENT);

        List<MultipartUpload.Part> parts = MultipartUpload.parse(body.contentType(), body.bytes());

        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.name()).isEqualTo("file");
            assertThat(part.fileName()).isEqualTo("evil%22; name=%22other%0D%0AX-Injected: 1.ndjson");
            assertThat(part.headers()).doesNotContainKey("x-injected");
            assertThat(part.content()).isEqualTo(CONTENT);
        });
    }

    @Test
    void anEmptyFileIsStillOnePart() throws Exception {
        MultipartBody body = MultipartBody.withFile("file", "a.ndjson", "application/ndjson", new byte[0]);

        assertThat(MultipartUpload.parse(body.contentType(), body.bytes()))
                .singleElement().satisfies(part -> assertThat(part.content()).isEmpty());
    }
}
