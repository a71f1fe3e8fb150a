package io.buildanalytics.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;

/**
 * Class files by internal name, from where each would come at run time: the plugin's inner jar, the host (here: the
 * mirror, for the host packages, and nothing else), and the JDK. Nothing is loaded or initialised.
 */
public final class ClassPool {

    private final List<String> hostPackages;
    private final Map<String, byte[]> plugin;
    private final Map<String, byte[]> mirror;
    private final Map<String, Optional<ClassModel>> cache = new HashMap<>();

    /**
     * @param hostPackages internal-name prefixes ("hudson/") of the packages the host provides and the mirror stands
     *                     in for
     */
    public ClassPool(List<String> hostPackages, Map<String, byte[]> plugin, Map<String, byte[]> mirror) {
        this.hostPackages = List.copyOf(hostPackages);
        this.plugin = plugin;
        this.mirror = mirror;
    }

    public boolean isHost(String internalName) {
        return hostPackages.stream().anyMatch(internalName::startsWith);
    }

    /** Packages of the JDK's modules (the boot layer), whichever built-in loader defines them. */
    private static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
            .flatMap(module -> module.getPackages().stream()).map(p -> p.replace('.', '/'))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    public static boolean isJdk(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash > 0 && JDK_PACKAGES.contains(internalName.substring(0, slash))
                && ClassLoader.getSystemClassLoader().getResource(internalName + ".class") != null;
    }

    /** The class as it would resolve from the plugin's class loader; a host class only if the mirror has it. */
    public Optional<ClassModel> find(String internalName) {
        return cache.computeIfAbsent(internalName, this::load);
    }

    private Optional<ClassModel> load(String internalName) {
        if (isHost(internalName)) {
            return Optional.ofNullable(mirror.get(internalName)).map(ClassModel::of);
        }
        byte[] bytes = plugin.get(internalName);
        if (bytes != null) {
            return Optional.of(ClassModel.of(bytes));
        }
        // The JDK, then what the mirror itself builds on (servlet and Spring APIs, sezpoz) from the test class path.
        for (ClassLoader loader : new ClassLoader[] {ClassLoader.getPlatformClassLoader(),
                ClassPool.class.getClassLoader()}) {
            try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
                if (in != null) {
                    return Optional.of(ClassModel.of(in.readAllBytes()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    /** CONSTANT_Class entries of a class file: every class the JVM may load on its behalf (arrays by element). */
    public static Set<String> classReferences(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        char[] buffer = new char[reader.getMaxStringLength()];
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || reader.readByte(offset - 1) != 7) {
                continue;
            }
            String name = reader.readUTF8(offset, buffer);
            int dimensions = 0;
            while (dimensions < name.length() && name.charAt(dimensions) == '[') {
                dimensions++;
            }
            if (dimensions > 0) {
                if (name.charAt(dimensions) != 'L') {
                    continue;
                }
                name = name.substring(dimensions + 1, name.length() - 1);
            }
            names.add(name);
        }
        return names;
    }
}
