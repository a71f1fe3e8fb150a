package io.buildanalytics.teamcity.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.checks.ClassModel;
import io.buildanalytics.checks.ClassPool;
import io.buildanalytics.checks.ClassVersions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Type;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin zip as TeamCity reads it: the layout and the descriptor, the Spring bean file TeamCity creates the
 * plugin's beans from, the web resources of the admin page, and a server jar that carries nothing of TeamCity's and
 * nothing unrelocated.
 */
class ZipPackageIT {

    private static final String ADMIN_PAGE = "io/buildanalytics/teamcity/web/BuildAnalyticsAdminPage";
    private static final String SETTINGS_CONTROLLER = "io/buildanalytics/teamcity/web/SettingsController";
    private static final String RESOURCES = "buildServerResources/";
    private static final String INCLUDE_DIRECTIVE = "<%@ include file=\"/include.jsp\" %>";

    @TempDir
    static Path exploded;

    static ZipFile zip;
    static ZipFile jar;

    @BeforeAll
    static void open() throws IOException {
        zip = new ZipFile(PackagedPlugin.zip().toFile());
        jar = new ZipFile(PackagedPlugin.extractServerJar(exploded).toFile());
    }

    @AfterAll
    static void close() throws IOException {
        if (jar != null) {
            jar.close();
        }
        if (zip != null) {
            zip.close();
        }
    }

    // ---- Layout and descriptor ----------------------------------------------------------------------------------

    @Test
    void zipHoldsTheDescriptorAndTheServerJarOnly() {
        Set<String> files = PackagedPlugin.entryNames(zip).stream().filter(name -> !name.endsWith("/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(files).as("files in %s: teamcity-plugin.xml at the root and the server jar, nothing else",
                PackagedPlugin.zip().getFileName()).containsExactly(PackagedPlugin.SERVER_JAR_ENTRY,
                PackagedPlugin.DESCRIPTOR_ENTRY);
        assertThat(PackagedPlugin.entryNames(zip)).as("folders in the zip").allMatch(
                name -> !name.endsWith("/") || name.equals("server/"));
    }

    @Test
    void zipNameIsThePluginNameEverywhere() throws Exception {
        String fileName = PackagedPlugin.zip().getFileName().toString();
        String zipName = fileName.substring(0, fileName.length() - ".zip".length());
        String descriptorName = text(descriptor().getDocumentElement(), "info", "name");
        String pageName = PackagedPlugin.stringConstants(classFile(ADMIN_PAGE)).get("PLUGIN_NAME");

        assertThat(zipName).as("TeamCity names the plugin after its zip file").isEqualTo(PackagedPlugin.NAME);
        assertThat(descriptorName).as("teamcity-plugin.xml <info><name> must equal the zip's name %s", fileName)
                .isEqualTo(zipName);
        assertThat(pageName).as("BuildAnalyticsAdminPage.PLUGIN_NAME (the tab id and /plugins/<name>/ path) must "
                + "equal the zip's name %s", fileName).isEqualTo(zipName);
    }

    @Test
    void descriptorVersionIsTheProjectVersion() throws Exception {
        String version = text(descriptor().getDocumentElement(), "info", "version");
        assertThat(version).as("teamcity-plugin.xml <info><version> (filtered from @project.version@)")
                .isEqualTo(PackagedPlugin.projectVersion());
    }

    @Test
    void descriptorIsValidAgainstTheSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        URL xsd = ZipPackageIT.class.getResource("/teamcity-plugin-descriptor.xsd");
        assertThat(xsd).as("src/test/resources/teamcity-plugin-descriptor.xsd").isNotNull();
        Schema schema = factory.newSchema(xsd);
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(
                    PackagedPlugin.read(zip, PackagedPlugin.DESCRIPTOR_ENTRY)), PackagedPlugin.DESCRIPTOR_ENTRY));
        } catch (org.xml.sax.SAXParseException e) {
            throw new AssertionError(PackagedPlugin.DESCRIPTOR_ENTRY + " in the zip is not valid against "
                    + "teamcity-plugin-descriptor.xsd (line " + e.getLineNumber() + "): " + e.getMessage(), e);
        }
    }

    @Test
    void pluginLoadsInItsOwnClassLoader() throws Exception {
        NodeList deployment = descriptor().getDocumentElement().getElementsByTagName("deployment");
        assertThat(deployment.getLength()).as("<deployment> in teamcity-plugin.xml").isEqualTo(1);
        assertThat(((Element) deployment.item(0)).getAttribute("use-separate-classloader"))
                .as("<deployment use-separate-classloader>: the bundled libraries must not meet other plugins'")
                .isEqualTo("true");
    }

    // ---- Spring beans -------------------------------------------------------------------------------------------

    @Test
    void everySpringBeanCanBeCreatedByConstructorAutowiring() throws Exception {
        List<String> beanFiles = PackagedPlugin.entryNames(jar).stream()
                .filter(name -> name.matches("META-INF/build-server-plugin[^/]*\\.xml")).toList();
        assertThat(beanFiles).as("the Spring bean file TeamCity looks for (META-INF/build-server-plugin*.xml)")
                .containsExactly("META-INF/build-server-plugin-" + PackagedPlugin.NAME + ".xml");
        Element beans = parse(jar, beanFiles.get(0)).getDocumentElement();
        assertThat(beans.getLocalName()).as("root element of %s", beanFiles.get(0)).isEqualTo("beans");
        assertThat(beans.getAttribute("default-autowire")).as("%s default-autowire", beanFiles.get(0))
                .isEqualTo("constructor");

        Map<String, ClassModel> beanClasses = new LinkedHashMap<>();
        NodeList nodes = beans.getElementsByTagNameNS("*", "bean");
        for (int i = 0; i < nodes.getLength(); i++) {
            String className = ((Element) nodes.item(i)).getAttribute("class");
            String internalName = className.replace('.', '/');
            assertThat(jar.getEntry(internalName + ".class")).as("bean class %s in the server jar", className)
                    .isNotNull();
            beanClasses.put(internalName, ClassModel.of(classFile(internalName)));
        }
        Map<String, ClassModel> mirror = new TreeMap<>();
        PackagedPlugin.mirrorClasses().forEach((name, bytes) -> mirror.put(name, ClassModel.of(bytes)));
        List<String> problems = new ArrayList<>();
        for (ClassModel bean : beanClasses.values()) {
            if (!bean.isPublic() || bean.isAbstract() || bean.isInterface()) {
                problems.add(bean.name + ": not a public concrete class");
            }
            List<ClassModel.Member> constructors = bean.methodsNamed("<init>").stream()
                    .filter(ClassModel.Member::isPublic).toList();
            if (constructors.size() != 1) {
                problems.add(bean.name + ": " + constructors.size() + " public constructors, autowiring needs one");
                continue;
            }
            for (Type parameter : Type.getArgumentTypes(constructors.get(0).descriptor())) {
                String type = parameter.getSort() == Type.OBJECT ? parameter.getInternalName() : parameter.getDescriptor();
                if (beanClasses.containsKey(type)) {
                    if (type.equals(bean.name)) {
                        problems.add(bean.name + ": takes itself");
                    }
                } else if (!PackagedPlugin.isHost(type) || !mirror.containsKey(type)
                        || mirror.get(type).isAnnotation()) {
                    problems.add(bean.name + ": constructor parameter " + type
                            + " is neither a TeamCity bean type in the mirror nor another bean of the file");
                }
            }
        }
        assertThat(problems).as("beans TeamCity's Spring context could not create").isEmpty();
        assertThat(beanClasses.keySet()).as("beans in %s", beanFiles.get(0)).containsExactlyInAnyOrder(
                "io/buildanalytics/teamcity/runtime/TeamCityRuntime",
                "io/buildanalytics/teamcity/listener/BuildEventsListener",
                ADMIN_PAGE,
                SETTINGS_CONTROLLER);
    }

    // ---- Web resources ------------------------------------------------------------------------------------------

    @Test
    void adminPageResourcesAreAtTheJarRoot() {
        Map<String, String> constants = PackagedPlugin.stringConstants(classFile(ADMIN_PAGE));
        for (String constant : List.of("JSP", "SCRIPT", "STYLE")) {
            String resource = constants.get(constant);
            assertThat(resource).as("BuildAnalyticsAdminPage.%s", constant).isNotBlank();
            assertThat(jar.getEntry(RESOURCES + resource))
                    .as("%s%s (BuildAnalyticsAdminPage.%s, served as /plugins/%s/%s)", RESOURCES, resource, constant,
                            PackagedPlugin.NAME, resource).isNotNull();
        }
        assertThat(constants.get("JSP")).as("BuildAnalyticsAdminPage.JSP").isEqualTo("adminPage.jsp");
        assertThat(constants.get("SCRIPT")).as("BuildAnalyticsAdminPage.SCRIPT").isEqualTo("buildAnalytics.js");
        assertThat(constants.get("STYLE")).as("BuildAnalyticsAdminPage.STYLE").isEqualTo("buildAnalytics.css");
    }

    @Test
    void adminPageJspIncludesTeamCityTaglibsAndHasNoScriptlets() {
        String jsp = resource("adminPage.jsp");
        assertThat(jsp).as("adminPage.jsp must start with %s (TeamCity's taglibs)", INCLUDE_DIRECTIVE)
                .startsWith(INCLUDE_DIRECTIVE);
        // Blank out the include directive and the JSP comments (keeping line breaks), then look for any other <%.
        StringBuilder rest = new StringBuilder(jsp).replace(0, INCLUDE_DIRECTIVE.length(),
                " ".repeat(INCLUDE_DIRECTIVE.length()));
        Matcher comment = Pattern.compile("<%--.*?--%>", Pattern.DOTALL).matcher(rest.toString());
        while (comment.find()) {
            for (int i = comment.start(); i < comment.end(); i++) {
                if (rest.charAt(i) != '\n') {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        List<String> scriptlets = new ArrayList<>();
        for (int at = rest.indexOf("<%"); at >= 0; at = rest.indexOf("<%", at + 2)) {
            int line = (int) rest.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            String snippet = rest.substring(at, Math.min(rest.length(), at + 60)).replace('\n', ' ');
            scriptlets.add("line " + line + ": " + snippet);
        }
        assertThat(scriptlets).as("adminPage.jsp: scriptlets, expressions, declarations or directives other than "
                + "the include directive (JSTL and TeamCity tags only)").isEmpty();
    }

    @Test
    void adminPageScriptPostsWithTheCsrfToken() {
        String script = resource("buildAnalytics.js");
        assertThat(script.contains("X-TC-CSRF-Token"))
                .as("buildAnalytics.js sends TeamCity's CSRF header X-TC-CSRF-Token").isTrue();
        assertThat(Pattern.compile("method\\s*:\\s*['\"]POST['\"]").matcher(script).find())
                .as("buildAnalytics.js posts (method: 'POST')").isTrue();
        String path = PackagedPlugin.stringConstants(classFile(SETTINGS_CONTROLLER)).get("PATH");
        assertThat(path).as("SettingsController.PATH: a TeamCity controller path under the plugin's admin path")
                .isEqualTo("/admin/" + PackagedPlugin.NAME + "/settings.html");
    }

    // ---- What the server jar bundles -----------------------------------------------------------------------------

    /** Provided by TeamCity: never bundled, not even relocated. */
    private static final List<String> NEVER_BUNDLED = List.of("jetbrains/", "com/intellij/", "javax/servlet/",
            "org/springframework/", "org/apache/log4j/", "org/apache/logging/");

    @Test
    void everyClassIsOursOrRelocatedAndNoneIsTeamCitys() throws IOException {
        Set<String> mirror = PackagedPlugin.mirrorClasses().keySet();
        Map<String, byte[]> classes = PackagedPlugin.classEntries(jar);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            String internalName = PackagedPlugin.internalName(entry.getKey());
            String unshaded = internalName.startsWith(PackagedPlugin.SHADED)
                    ? internalName.substring(PackagedPlugin.SHADED.length()) : internalName;
            if (internalName.endsWith("module-info")) {
                problems.add(entry.getKey() + ": module descriptor");
                continue;
            }
            if (!internalName.startsWith("io/buildanalytics/")) {
                problems.add(entry.getKey() + ": not under io/buildanalytics/ (not relocated)");
            }
            NEVER_BUNDLED.stream().filter(unshaded::startsWith).findFirst()
                    .ifPresent(api -> problems.add(entry.getKey() + ": TeamCity provides " + api));
            if (mirror.contains(internalName)) {
                problems.add(entry.getKey() + ": a class of the OpenAPI mirror");
            }
            String declared = ClassModel.of(entry.getValue()).name;
            if (!declared.equals(internalName)) {
                problems.add(entry.getKey() + ": declares " + declared + " (path not relocated with its content)");
            }
        }
        assertThat(problems).as("classes in %s that must not be there", PackagedPlugin.SERVER_JAR_ENTRY).isEmpty();
        assertThat(classes.keySet()).as("what the server jar must carry").contains(
                ADMIN_PAGE + ".class",
                "io/buildanalytics/shipper/Shipper.class",
                "io/buildanalytics/model/facts/BuildFacts.class",
                PackagedPlugin.SHADED + "com/fasterxml/jackson/databind/ObjectMapper.class",
                PackagedPlugin.SHADED + "co/elastic/clients/elasticsearch/ElasticsearchClient.class",
                PackagedPlugin.SHADED + "org/opensearch/client/opensearch/OpenSearchClient.class",
                PackagedPlugin.SHADED + "org/slf4j/LoggerFactory.class",
                PackagedPlugin.SHADED + "org/apache/commons/logging/LogFactory.class");
    }

    /** Top-level resources other than classes, each with why it is there. Everything else under the root fails. */
    private static final Map<String, String> ALLOWED_RESOURCES = Map.of(
            "META-INF/", "manifest, Spring bean file, licences, relocated service files, multi-release classes, "
                    + "the AWS SDK's version.properties",
            RESOURCES, "the admin page's JSP, script and style sheet",
            "io/buildanalytics/", "the bundled libraries' data files, relocated with their classes",
            "mozilla/public-suffix-list.txt", "httpclient 4 (Elasticsearch low-level client) loads it by this path",
            "org/publicsuffix/list/effective_tld_names.dat", "httpclient5 loads it by this path",
            "mime.types", "left at its root by AWS sdk-core (which reads its relocated copy); unused",
            "VersionInfo.java", "left at its root by AWS sdk-core (a source template); unused");

    @Test
    void resourcesOutsideOurPackagesAreTheKnownLibraryDataFiles() {
        List<String> problems = new ArrayList<>();
        for (String name : PackagedPlugin.entryNames(jar)) {
            if (name.endsWith("/") || name.endsWith(".class")) {
                continue;
            }
            if (ALLOWED_RESOURCES.keySet().stream().noneMatch(allowed -> allowed.endsWith("/")
                    ? name.startsWith(allowed) : name.equals(allowed))) {
                problems.add(name + ": unexpected resource");
            }
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)") || upper.matches("META-INF/SIG-.*")) {
                problems.add(name + ": signature file of a bundled jar");
            }
            if (name.endsWith("/MANIFEST.MF") && !name.equals("META-INF/MANIFEST.MF")) {
                problems.add(name + ": another jar's manifest");
            }
            if (name.startsWith("META-INF/services/") && !name.startsWith("META-INF/services/io.buildanalytics.")) {
                problems.add(name + ": service file for an unrelocated interface");
            }
        }
        assertThat(problems).as("resources in %s", PackagedPlugin.SERVER_JAR_ENTRY).isEmpty();
        for (String file : ALLOWED_RESOURCES.keySet()) {
            assertThat(PackagedPlugin.entryNames(jar)).as("%s (%s) is still in the jar; otherwise drop it from "
                    + "the allowed list", file, ALLOWED_RESOURCES.get(file)).anyMatch(name -> name.startsWith(file));
        }
    }

    @Test
    void classFilesRunOnJava17() {
        Map<String, byte[]> classes = PackagedPlugin.classEntries(jar);
        assertThat(ClassVersions.tooNew(classes, 17)).as("class files newer than the Java TeamCity may run on")
                .isEmpty();
        String multiRelease = manifestAttribute("Multi-Release");
        assertThat(multiRelease).as("Multi-Release in the server jar's manifest")
                .isEqualTo(ClassVersions.hasVersionedEntries(classes) ? "true" : null);
    }

    @Test
    void everyClassOurCodeReferencesIsBundledOrProvided() throws IOException {
        Map<String, byte[]> base = PackagedPlugin.baseClasses(jar);
        Set<String> mirror = PackagedPlugin.mirrorClasses().keySet();
        ClassLoader testClassPath = ZipPackageIT.class.getClassLoader();
        Map<String, Set<String>> unresolved = new TreeMap<>();
        int ours = 0;
        for (Map.Entry<String, byte[]> entry : base.entrySet()) {
            if (!PackagedPlugin.isOurs(entry.getKey())) {
                continue;
            }
            ours++;
            for (String target : ClassPool.classReferences(entry.getValue())) {
                boolean found;
                if (PackagedPlugin.isHost(target)) {
                    found = mirror.contains(target);
                } else if (PackagedPlugin.PROVIDED_APIS.stream().anyMatch(target::startsWith)) {
                    found = testClassPath.getResource(target + ".class") != null;
                } else {
                    found = base.containsKey(target) || ClassPool.isJdk(target);
                }
                if (!found) {
                    unresolved.computeIfAbsent(target, k -> new TreeSet<>()).add(entry.getKey());
                }
            }
        }
        assertThat(ours).as("our classes (io/buildanalytics/**, not shaded) in the server jar").isGreaterThan(50);
        assertThat(unresolved).as("classes our code references that neither the server jar, the JDK, nor TeamCity "
                + "(the mirror, servlet, Spring, log4j) provides; referenced class -> referencing classes").isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static byte[] classFile(String internalName) {
        return PackagedPlugin.read(jar, internalName + ".class");
    }

    private static String resource(String name) {
        return new String(PackagedPlugin.read(jar, RESOURCES + name), StandardCharsets.UTF_8);
    }

    private static String manifestAttribute(String key) {
        try (InputStream in = new ByteArrayInputStream(PackagedPlugin.read(jar, "META-INF/MANIFEST.MF"))) {
            return new java.util.jar.Manifest(in).getMainAttributes().getValue(key);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Document descriptor() throws Exception {
        return parse(zip, PackagedPlugin.DESCRIPTOR_ENTRY);
    }

    private static Document parse(ZipFile archive, String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try (InputStream in = new ByteArrayInputStream(PackagedPlugin.read(archive, name))) {
            return factory.newDocumentBuilder().parse(in, name);
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(name + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The text of the single element at the given path of child element names. */
    private static String text(Element root, String... path) {
        Element current = root;
        for (String child : path) {
            List<Element> matches = new ArrayList<>();
            NodeList nodes = current.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element element && child.equals(element.getLocalName())) {
                    matches.add(element);
                }
            }
            assertThat(matches).as("<%s> in <%s>", child, current.getLocalName()).hasSize(1);
            current = matches.get(0);
        }
        return current.getTextContent().trim();
    }
}
