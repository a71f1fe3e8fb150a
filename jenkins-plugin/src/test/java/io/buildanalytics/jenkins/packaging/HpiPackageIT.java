package io.buildanalytics.jenkins.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.checks.ClassModel;
import io.buildanalytics.checks.ClassPool;
import io.buildanalytics.checks.ClassVersions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import net.java.sezpoz.impl.SerAnnotatedElement;
import net.java.sezpoz.impl.SerEnumConst;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ProcessingInstruction;

/**
 * The .hpi as Jenkins reads it: both manifests, the archive layout, the extension and symbol indexes, the Jelly
 * views and their form fields, and an inner jar that carries nothing of the host's and nothing unrelocated.
 */
class HpiPackageIT {

    private static final String CONFIGURATION = "io.buildanalytics.jenkins.BuildAnalyticsConfiguration";
    private static final String CONFIGURATION_PATH = CONFIGURATION.replace('.', '/');
    private static final String DEPLOYMENT_TARGET_DESCRIPTOR =
            "io.buildanalytics.jenkins.deployment.DeploymentTarget$DescriptorImpl";
    private static final String JENKINS_VERSION = "2.479.3";
    private static final Map<String, String> PLUGIN_DEPENDENCIES = Map.of(
            "credentials", "1415.v831096eb_5534",
            "plain-credentials", "195.vb_906e9073dee");
    /** The manifest keys core reads, plus the ones maven-hpi-plugin always writes. */
    private static final List<String> PLUGIN_KEYS = List.of("Short-Name", "Long-Name", "Group-Id", "Artifact-Id",
            "Plugin-Version", "Jenkins-Version", "Hudson-Version", "Plugin-Dependencies", "Url", "Plugin-Developers",
            "Implementation-Title", "Implementation-Version", "Specification-Title");

    @TempDir
    static Path exploded;

    static ZipFile hpi;
    static ZipFile jar;
    static Path jarPath;

    @BeforeAll
    static void open() throws IOException {
        hpi = new ZipFile(PackagedPlugin.hpi().toFile());
        jarPath = PackagedPlugin.extractInnerJar(exploded);
        jar = new ZipFile(jarPath.toFile());
    }

    @AfterAll
    static void close() throws IOException {
        if (jar != null) {
            jar.close();
        }
        if (hpi != null) {
            hpi.close();
        }
    }

    // ---- Manifests ----------------------------------------------------------------------------------------------

    @Test
    void outerManifestIsThePluginManifest() throws IOException {
        Attributes main = PackagedPlugin.manifest(hpi).getMainAttributes();

        assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
        assertThat(main.getValue("Short-Name")).isEqualTo(PackagedPlugin.SHORT_NAME);
        assertThat(main.getValue("Long-Name")).isEqualTo("Build Analytics");
        assertThat(main.getValue("Group-Id")).isEqualTo("io.buildanalytics");
        assertThat(main.getValue("Artifact-Id")).isEqualTo("jenkins-plugin");
        assertThat(main.getValue("Plugin-Version")).isEqualTo(projectVersion());
        assertThat(main.getValue("Implementation-Version")).isEqualTo(projectVersion());
        assertThat(main.getValue("Jenkins-Version")).isEqualTo(JENKINS_VERSION);
        assertThat(main.getValue("Hudson-Version")).isEqualTo(JENKINS_VERSION);
        assertThat(main.getValue("Url")).isEqualTo("https://github.com/build-analytics/build-analytics");
        assertThat(main.getValue("Plugin-Developers")).isNotNull();
        assertThat(main.getValue("Implementation-Title")).isNotBlank();
        assertThat(main.getValue("Specification-Title")).isNotBlank();
        // Absent on purpose: MAYBE extensions (maven-hpi writes nothing then), no hudson.Plugin subclass.
        assertThat(main.getValue("Support-Dynamic-Loading")).isNull();
        assertThat(main.getValue("Plugin-Class")).isNull();
        assertThat(main.getValue("PluginFirstClassLoader")).isNull();
    }

    @Test
    void pluginDependenciesAreTheTwoMandatoryMinimumVersions() throws IOException {
        String value = PackagedPlugin.manifest(hpi).getMainAttributes().getValue("Plugin-Dependencies");
        // Parsed as core's PluginWrapper.Dependency does: id up to the first ':', ';resolution:=optional' flags it.
        Map<String, String> dependencies = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            String dependency = item.trim();
            assertThat(dependency).as("%s must be mandatory", dependency).doesNotContain(";resolution:=optional");
            int colon = dependency.indexOf(':');
            assertThat(colon).as("'%s' must be id:version", dependency).isPositive();
            dependencies.put(dependency.substring(0, colon), dependency.substring(colon + 1));
        }
        assertThat(dependencies).containsExactlyInAnyOrderEntriesOf(PLUGIN_DEPENDENCIES);
    }

    @Test
    void innerJarCarriesTheSamePluginManifestForTheClassFilter() throws IOException {
        Attributes outer = PackagedPlugin.manifest(hpi).getMainAttributes();
        Attributes inner = PackagedPlugin.manifest(jar).getMainAttributes();

        for (String key : PLUGIN_KEYS) {
            assertThat(inner.getValue(key)).as("inner jar manifest %s", key).isEqualTo(outer.getValue(key))
                    .isNotNull();
        }
        // jenkins.security.ClassFilterImpl.isPluginManifest: what lets XStream (JEP-200) load our classes.
        assertThat(inner.getValue("Short-Name")).isNotBlank();
        assertThat(inner.getValue("Plugin-Version") != null || inner.getValue("Jenkins-Version") != null).isTrue();
    }

    @Test
    void manifestLinesAreWrappedAsTheJarSpecificationSays() {
        for (ZipFile zip : List.of(hpi, jar)) {
            byte[] bytes = PackagedPlugin.read(zip, "META-INF/MANIFEST.MF");
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r\n|\n", -1)) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("line '%s' of %s", line, zip.getName())
                        .isLessThanOrEqualTo(72);
            }
        }
    }

    // ---- Layout -------------------------------------------------------------------------------------------------

    @Test
    void hpiHoldsTheManifestAndTheInnerJarOnly() {
        Set<String> files = PackagedPlugin.entryNames(hpi).stream().filter(name -> !name.endsWith("/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(files).containsExactly("META-INF/MANIFEST.MF", PackagedPlugin.INNER_JAR_ENTRY);
        assertThat(PackagedPlugin.entryNames(hpi)).noneMatch(name -> name.startsWith("WEB-INF/classes"));
    }

    @Test
    void indexJellyIsAtTheJarRoot() throws Exception {
        Document index = parseJelly("index.jelly");
        assertThat(index.getDocumentElement().getTextContent()).contains("Elasticsearch", "OpenSearch");
    }

    @Test
    void everyJellyFileIsWellFormedAndEscapesByDefault() throws Exception {
        List<String> jellies = PackagedPlugin.entryNames(jar).stream().filter(name -> name.endsWith(".jelly")).toList();
        assertThat(jellies).contains("index.jelly", CONFIGURATION_PATH + "/config.jelly");
        for (String name : jellies) {
            Document document = parseJelly(name);
            Node first = document.getFirstChild();
            assertThat(first).as("%s must start with <?jelly escape-by-default='true'?>", name)
                    .isInstanceOf(ProcessingInstruction.class);
            ProcessingInstruction jelly = (ProcessingInstruction) first;
            assertThat(jelly.getTarget()).as(name).isEqualTo("jelly");
            assertThat(jelly.getData().replace('"', '\'').replace(" ", "")).as(name)
                    .isEqualTo("escape-by-default='true'");
        }
    }

    // ---- Indexes ------------------------------------------------------------------------------------------------

    @Test
    void sezpozIndexListsTheExtensions() throws Exception {
        Set<String> indexed = new TreeSet<>();
        try (URLClassLoader innerJarOnly = new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, null)) {
            for (IndexItem<hudson.Extension, Object> item : Index.load(hudson.Extension.class, Object.class,
                    innerJarOnly)) {
                assertThat(item.kind()).as(item.className()).isEqualTo(java.lang.annotation.ElementType.TYPE);
                indexed.add(item.className());
            }
        }
        assertThat(indexed).containsExactlyInAnyOrder(
                CONFIGURATION,
                "io.buildanalytics.jenkins.listener.BuildFinishedListener",
                "io.buildanalytics.jenkins.listener.QueueWaitListener",
                "io.buildanalytics.jenkins.listener.LifecycleListener",
                "io.buildanalytics.jenkins.deployment.DeploymentTarget$DescriptorImpl");

        for (String className : indexed) {
            ClassModel type = ClassModel.of(PackagedPlugin.read(jar, className.replace('.', '/') + ".class"));
            // Jenkins instantiates extensions itself: public, concrete, with a public no-argument constructor.
            assertThat(type.isPublic() && !type.isAbstract() && !type.isInterface()).as(className).isTrue();
            assertThat(type.method("<init>", "()V")).as("%s public no-argument constructor", className)
                    .hasValueSatisfying(constructor -> assertThat(constructor.isPublic()).isTrue());
            assertThat(type.annotations).as("%s @Extension visible at run time", className)
                    .containsEntry("Lhudson/Extension;", true);
        }
    }

    @Test
    void noExtensionRefusesDynamicLoadingSoTheManifestNeedsNoKey() throws Exception {
        // maven-hpi writes Support-Dynamic-Loading: false when any @Extension says dynamicLoadable=NO; we write
        // nothing, which is right only while every extension keeps the default (MAYBE).
        byte[] index = PackagedPlugin.read(jar, "META-INF/annotations/hudson.Extension");
        List<SerAnnotatedElement> elements = new ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(index))) {
            for (Object read = in.readObject(); read != null; read = in.readObject()) {
                elements.add((SerAnnotatedElement) read);
            }
        }
        assertThat(elements).hasSize(5);
        for (SerAnnotatedElement element : elements) {
            Object dynamicLoadable = element.values.get("dynamicLoadable");
            assertThat(dynamicLoadable == null || !"NO".equals(((SerEnumConst) dynamicLoadable).constName))
                    .as("%s dynamicLoadable", element.className).isTrue();
        }
    }

    @Test
    void symbolIndexNamesTheConfigurationAndTheJobProperty() {
        String index = new String(PackagedPlugin.read(jar, "META-INF/services/annotations/org.jenkinsci.Symbol"),
                StandardCharsets.UTF_8);
        assertThat(index.lines().map(String::trim).filter(line -> !line.isEmpty())).containsExactly(CONFIGURATION,
                DEPLOYMENT_TARGET_DESCRIPTOR);
        ClassModel descriptor = ClassModel.of(PackagedPlugin.read(jar,
                DEPLOYMENT_TARGET_DESCRIPTOR.replace('.', '/') + ".class"));
        assertThat(descriptor.annotationValues).containsEntry("Lorg/jenkinsci/Symbol;#value", "deploymentTarget");

        ClassModel configuration = ClassModel.of(PackagedPlugin.read(jar, CONFIGURATION_PATH + ".class"));
        assertThat(configuration.annotations).containsEntry("Lorg/jenkinsci/Symbol;", true);
        assertThat(configuration.annotationValues).containsEntry("Lorg/jenkinsci/Symbol;#value", "buildAnalytics");
    }

    // ---- The configuration page ---------------------------------------------------------------------------------

    @Test
    void everyFieldOnTheConfigurationPageIsABoundPropertyWithHelp() throws Exception {
        Document page = parseJelly(CONFIGURATION_PATH + "/config.jelly");
        ClassModel configuration = ClassModel.of(PackagedPlugin.read(jar, CONFIGURATION_PATH + ".class"));
        Set<String> fields = attributeValues(page, "field");
        assertThat(fields).as("fields on config.jelly").isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (String field : fields) {
            String property = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            ClassModel.Member getter = configuration.methods.stream()
                    .filter(m -> m.isPublic() && !m.isStatic() && m.descriptor().startsWith("()")
                            && (m.name().equals("get" + property)
                                || m.name().equals("is" + property) && m.descriptor().equals("()Z")))
                    .findFirst().orElse(null);
            List<ClassModel.Member> setters = configuration.methodsNamed("set" + property).stream()
                    .filter(m -> m.isPublic() && !m.isStatic() && m.descriptor().endsWith(")V")).toList();
            if (getter == null) {
                problems.add(field + ": no public get" + property + "()/is" + property + "()");
            }
            if (setters.size() != 1) {
                problems.add(field + ": expected one public set" + property + "(..), found " + setters.size());
            } else {
                ClassModel.Member setter = setters.get(0);
                if (!setter.hasRuntimeAnnotation("org/kohsuke/stapler/DataBoundSetter")) {
                    problems.add(field + ": set" + property + " is not @DataBoundSetter");
                }
                String type = getter == null ? null : getter.descriptor().substring(2);
                if (type != null && !setter.descriptor().equals("(" + type + ")V")) {
                    problems.add(field + ": getter returns " + type + " but setter takes " + setter.descriptor());
                }
            }
            if (jar.getEntry(CONFIGURATION_PATH + "/help-" + field + ".html") == null) {
                problems.add(field + ": no help-" + field + ".html beside config.jelly");
            }
        }
        assertThat(problems).isEmpty();

        Set<String> helpWithoutField = PackagedPlugin.entryNames(jar).stream()
                .filter(name -> name.startsWith(CONFIGURATION_PATH + "/help-") && name.endsWith(".html"))
                .map(name -> name.substring((CONFIGURATION_PATH + "/help-").length(), name.length() - 5))
                .filter(field -> !field.contains("_") && !fields.contains(field))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(helpWithoutField).as("help files for fields that are not on the page").isEmpty();
    }

    /** The job property's fields bind through its @DataBoundConstructor or a @DataBoundSetter, and have help. */
    @Test
    void everyFieldOfTheDeploymentTargetIsBoundAndHasHelp() throws Exception {
        Class<?> type = io.buildanalytics.jenkins.deployment.DeploymentTarget.class;
        String folder = type.getName().replace('.', '/');
        Document view = parseJelly(folder + "/config-details.jelly");
        java.lang.reflect.Constructor<?> constructor = java.util.Arrays.stream(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(org.kohsuke.stapler.DataBoundConstructor.class))
                .findFirst().orElseThrow();
        Set<String> constructorNames = java.util.Arrays.stream(constructor.getParameters())
                .map(java.lang.reflect.Parameter::getName).collect(Collectors.toSet());

        List<String> problems = new ArrayList<>();
        for (String field : attributeValues(view, "field")) {
            String property = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            boolean getter = java.util.Arrays.stream(type.getMethods())
                    .anyMatch(m -> m.getName().equals("get" + property) && m.getParameterCount() == 0);
            boolean setter = java.util.Arrays.stream(type.getMethods())
                    .anyMatch(m -> m.getName().equals("set" + property)
                            && m.isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class));
            if (!getter) {
                problems.add(field + ": no getter");
            }
            if (!setter && !constructorNames.contains(field)) {
                problems.add(field + ": neither a @DataBoundSetter nor a @DataBoundConstructor parameter");
            }
            if (jar.getEntry(folder + "/help-" + field + ".html") == null) {
                problems.add(field + ": no help file");
            }
        }
        assertThat(attributeValues(view, "field")).containsExactlyInAnyOrder("environment", "service", "version");
        assertThat(problems).isEmpty();
        assertThat(jar.getEntry(folder + "/help.html")).as("the optional block's help").isNotNull();
    }

    @Test
    void selectsHaveFillMethodsAndButtonsPostToExistingMethods() throws Exception {
        Document page = parseJelly(CONFIGURATION_PATH + "/config.jelly");
        ClassModel configuration = ClassModel.of(PackagedPlugin.read(jar, CONFIGURATION_PATH + ".class"));
        Set<String> names = new LinkedHashSet<>(attributeValues(page, "field"));
        names.addAll(attributeValues(page, "name"));
        List<String> problems = new ArrayList<>();

        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String tag = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
            if (tag.equals("select")) {
                String field = fieldOf(element);
                String fill = "doFill" + Character.toUpperCase(field.charAt(0)) + field.substring(1) + "Items";
                if (configuration.methodsNamed(fill).stream().noneMatch(ClassModel.Member::isPublic)) {
                    problems.add("select for '" + field + "' has no public " + fill);
                }
            }
            if (tag.equals("validateButton")) {
                String method = element.getAttribute("method");
                String action = "do" + Character.toUpperCase(method.charAt(0)) + method.substring(1);
                List<ClassModel.Member> candidates = configuration.methodsNamed(action);
                if (candidates.size() != 1 || !candidates.get(0).isPublic()) {
                    problems.add("validateButton '" + method + "' needs one public " + action);
                } else if (!candidates.get(0).hasRuntimeAnnotation("org/kohsuke/stapler/verb/POST")
                        && !candidates.get(0).hasRuntimeAnnotation("org/kohsuke/stapler/interceptor/RequirePOST")) {
                    problems.add(action + " is not @POST/@RequirePOST");
                }
                for (String with : element.getAttribute("with").split(",")) {
                    if (!with.isBlank() && !names.contains(with.trim())) {
                        problems.add("validateButton '" + method + "' sends '" + with + "', which is not on the page");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- What the inner jar bundles ------------------------------------------------------------------------------

    @Test
    void everyClassIsOursOrRelocatedAndNoneIsTheHosts() throws IOException {
        Set<String> mirror = PackagedPlugin.mirrorClasses().keySet();
        Map<String, byte[]> classes = PackagedPlugin.classEntries(jar);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            String path = PackagedPlugin.unversioned(entry.getKey());
            String internalName = path.substring(0, path.length() - ".class".length());
            if (path.equals("module-info.class")) {
                problems.add(entry.getKey() + ": module descriptor");
                continue;
            }
            if (!internalName.startsWith("io/buildanalytics/")) {
                problems.add(entry.getKey() + ": not under io/buildanalytics/ (not relocated)");
            }
            if (mirror.contains(internalName)) {
                problems.add(entry.getKey() + ": a class of the host mirror");
            }
            String logging = internalName.startsWith(PackagedPlugin.SHADED)
                    ? internalName.substring(PackagedPlugin.SHADED.length()) : internalName;
            if (logging.startsWith("org/slf4j/") || logging.startsWith("org/apache/commons/logging/")) {
                problems.add(entry.getKey() + ": a logging API Jenkins core provides");
            }
            String declared = ClassModel.of(entry.getValue()).name;
            if (!declared.equals(internalName)) {
                problems.add(entry.getKey() + ": declares " + declared + " (path not relocated with its content)");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(classes).containsKeys(CONFIGURATION_PATH + ".class",
                "io/buildanalytics/shipper/Shipper.class",
                PackagedPlugin.SHADED + "com/fasterxml/jackson/databind/ObjectMapper.class",
                PackagedPlugin.SHADED + "co/elastic/clients/elasticsearch/ElasticsearchClient.class",
                PackagedPlugin.SHADED + "org/opensearch/client/opensearch/OpenSearchClient.class",
                PackagedPlugin.SHADED + "org/eclipse/parsson/JsonProviderImpl.class");
    }

    /**
     * Optional parts of the bundled libraries we leave out on purpose; their classes are referenced but absent,
     * and only code paths we never take would load them.
     */
    private static final Map<String, String> ABSENT_ON_PURPOSE = Map.ofEntries(
            Map.entry(PackagedPlugin.SHADED + "io/opentelemetry/", "elasticsearch-java's optional tracing"),
            Map.entry(PackagedPlugin.SHADED + "tools/jackson/", "elasticsearch-java's optional Jackson 3 mapper"),
            Map.entry(PackagedPlugin.SHADED + "jakarta/json/bind/", "opensearch-java's optional JSON-B mapper"),
            Map.entry(PackagedPlugin.SHADED + "software/amazon/awssdk/crt", "the AWS SDK's optional CRT"),
            Map.entry(PackagedPlugin.SHADED + "org/conscrypt/", "httpclient5's optional Conscrypt TLS"),
            Map.entry(PackagedPlugin.SHADED + "org/apache/commons/compress/", "httpclient5's optional codecs"),
            Map.entry(PackagedPlugin.SHADED + "com/aayushatharva/brotli4j/", "httpclient5's optional brotli"),
            Map.entry(PackagedPlugin.SHADED + "com/github/luben/zstd/", "httpclient5's optional zstd"),
            // opensearch-rest-client: the Apache HttpClient 4 transport of opensearch-java; we use httpclient5's.
            Map.entry(PackagedPlugin.SHADED + "org/opensearch/client/RestClient", "opensearch-rest-client"),
            Map.entry(PackagedPlugin.SHADED + "org/opensearch/client/Request", "opensearch-rest-client"),
            Map.entry(PackagedPlugin.SHADED + "org/opensearch/client/Response", "opensearch-rest-client"),
            Map.entry(PackagedPlugin.SHADED + "org/opensearch/client/Cancellable", "opensearch-rest-client"),
            Map.entry(PackagedPlugin.SHADED + "org/opensearch/client/WarningsHandler", "opensearch-rest-client"));
    /** APIs Jenkins core gives every plugin (slf4j-api; commons-logging through jcl-over-slf4j). */
    private static final List<String> FROM_CORE = List.of("org/slf4j/", "org/apache/commons/logging/");

    @Test
    void everyReferencedClassIsBundledOrComesFromTheJdkOrTheHost() throws IOException {
        Map<String, byte[]> classes = PackagedPlugin.classEntries(jar);
        Set<String> bundled = classes.keySet().stream().map(PackagedPlugin::unversioned)
                .map(name -> name.substring(0, name.length() - ".class".length())).collect(Collectors.toSet());
        Set<String> mirror = PackagedPlugin.mirrorClasses().keySet();
        Map<String, Set<String>> unresolved = new java.util.TreeMap<>();
        Set<String> absentUsed = new TreeSet<>();
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            String from = PackagedPlugin.unversioned(entry.getKey());
            // META-INF/versions/21/ classes use Java 21 API (virtual threads); only a Java 21 JVM reads them.
            boolean newerThanThisJdk = PackagedPlugin.releaseOf(entry.getKey()) > Runtime.version().feature();
            boolean own = from.startsWith(PackagedPlugin.OWN) && !from.startsWith(PackagedPlugin.SHADED);
            for (String target : ClassPool.classReferences(entry.getValue())) {
                if (bundled.contains(target) || FROM_CORE.stream().anyMatch(target::startsWith)) {
                    continue;
                }
                if (PackagedPlugin.isHost(target)) {
                    if (!own || !mirror.contains(target)) {
                        unresolved.computeIfAbsent(target, k -> new TreeSet<>()).add(from);
                    }
                    continue;
                }
                String absent = ABSENT_ON_PURPOSE.keySet().stream().filter(target::startsWith).findFirst().orElse(null);
                if (absent != null) {
                    absentUsed.add(absent);
                } else if (!ClassPool.isJdk(target) && !(newerThanThisJdk && target.startsWith("java/"))) {
                    unresolved.computeIfAbsent(target, k -> new TreeSet<>()).add(from);
                }
            }
        }
        assertThat(unresolved).as("classes referenced from the inner jar that nothing provides at run time "
                + "(host classes count only from our own classes)").isEmpty();
        assertThat(absentUsed).as("the list of absent optional parts is not stale")
                .containsExactlyInAnyOrderElementsOf(ABSENT_ON_PURPOSE.keySet());
    }

    @Test
    void noSignatureFilesForeignManifestsOrServiceFilesWithUnrelocatedNames() {
        List<String> problems = new ArrayList<>();
        for (String name : PackagedPlugin.entryNames(jar)) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)") || upper.matches("META-INF/SIG-.*")) {
                problems.add(name + ": signature file");
            }
            if (name.endsWith("/MANIFEST.MF") && !name.equals("META-INF/MANIFEST.MF")) {
                problems.add(name + ": another jar's manifest");
            }
            if (name.startsWith("META-INF/services/") && !name.endsWith("/")
                    && !name.startsWith("META-INF/services/annotations/")
                    && !name.startsWith("META-INF/services/io.buildanalytics.")) {
                problems.add(name + ": service file for an unrelocated interface");
            }
        }
        assertThat(problems).isEmpty();

        String provider = new String(PackagedPlugin.read(jar,
                "META-INF/services/io.buildanalytics.jenkins.shaded.jakarta.json.spi.JsonProvider"),
                StandardCharsets.UTF_8).trim();
        assertThat(provider).isEqualTo("io.buildanalytics.jenkins.shaded.org.eclipse.parsson.JsonProviderImpl");
    }

    @Test
    void classFilesRunOnJava17() throws IOException {
        Map<String, byte[]> classes = PackagedPlugin.classEntries(jar);
        assertThat(ClassVersions.tooNew(classes, 17)).isEmpty();
        String multiRelease = PackagedPlugin.manifest(jar).getMainAttributes().getValue("Multi-Release");
        assertThat(multiRelease).as("Multi-Release")
                .isEqualTo(ClassVersions.hasVersionedEntries(classes) ? "true" : null);
    }

    @Test
    void bundledLibrariesKeepTheirLicences() {
        Set<String> names = PackagedPlugin.entryNames(jar);
        for (String library : List.of("jackson-databind-2.21.2", "elasticsearch-java-8.19.24", "opensearch-java-3.9.0",
                "httpclient5-5.6", "parsson-1.1.9", "jakarta.json-api-2.1.3", "sdk-core-2.57.8")) {
            assertThat(names).as(library).anyMatch(name -> name.startsWith("META-INF/licenses/" + library + "/")
                    && name.toUpperCase(Locale.ROOT).contains("LICENSE"));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String projectVersion() {
        String version = System.getProperty("buildanalytics.project.version");
        assertThat(version).as("system property buildanalytics.project.version (set by failsafe)").isNotBlank();
        return version;
    }

    private static Document parseJelly(String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try (InputStream in = new ByteArrayInputStream(PackagedPlugin.read(jar, name))) {
            return factory.newDocumentBuilder().parse(in, name);
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(name + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Set<String> attributeValues(Document document, String attribute) {
        Set<String> values = new TreeSet<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute(attribute)) {
                values.add(element.getAttribute(attribute));
            }
        }
        return values;
    }

    /** The field a control binds to: its own field attribute, or its f:entry's. */
    private static String fieldOf(Element control) {
        for (Node node = control; node instanceof Element element; node = node.getParentNode()) {
            if (element.hasAttribute("field")) {
                return element.getAttribute("field");
            }
        }
        throw new AssertionError("<" + control.getTagName() + "> outside any field");
    }
}
