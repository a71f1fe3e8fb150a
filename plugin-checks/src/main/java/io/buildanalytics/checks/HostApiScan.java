package io.buildanalytics.checks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every use the plugin's own bytecode makes of the host API (Jenkins core and plugins, TeamCity's OpenAPI),
 * as one line each, and the linkage problems each would cause against the mirror the plugin is compiled with.
 *
 * <p>Lines: {@code extends T}, {@code implements T}, {@code annotation T}, {@code type T} (cast, instanceof, class
 * literal, catch, annotation value), {@code overrides T.name(desc)}, and {@code <opcode> T.name(desc)} /
 * {@code <opcode> T.name:desc} for calls and field accesses (method references included). A member reached
 * through one of our classes (an inherited {@code load()}) is listed under the host class that declares it.
 */
public final class HostApiScan {

    public record Result(Set<String> references, List<String> problems) {
    }

    private final ClassPool pool;
    /** Internal names of the classes scanned: a host member reached through one of them is a use too. */
    private final Set<String> own;
    /** Line → the first place it was seen, for messages. */
    private final Map<String, String> references = new TreeMap<>();
    private final Set<String> problems = new LinkedHashSet<>();

    private HostApiScan(ClassPool pool, Set<String> own) {
        this.pool = pool;
        this.own = own;
    }

    public static Result scan(Map<String, byte[]> ownClasses, ClassPool pool) {
        HostApiScan scan = new HostApiScan(pool, ownClasses.keySet());
        ownClasses.forEach((name, bytes) -> scan.scanClass(bytes));
        return new Result(scan.references.keySet(), new ArrayList<>(scan.problems));
    }

    // ---- collecting ---------------------------------------------------------------------------------------------

    private void scanClass(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        String self = reader.getClassName();
        ClassModel model = ClassModel.of(bytes);
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                if (superName != null && pool.isHost(superName)) {
                    extendsHost(self, superName, signature);
                }
                for (String itf : interfaces) {
                    if (pool.isHost(itf)) {
                        implementsHost(self, itf);
                    }
                }
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                return annotation(self, descriptor, visible);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                String where = self + "." + name;
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        return HostApiScan.this.annotation(where, annotation, visible);
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                String where = self + "." + name + descriptor;
                if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0 && !name.startsWith("<")) {
                    overrides(model, name, descriptor, where);
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        return HostApiScan.this.annotation(where, annotation, visible);
                    }

                    @Override
                    public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation,
                                                                      boolean visible) {
                        return HostApiScan.this.annotation(where, annotation, visible);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                                boolean isInterface) {
                        method(where, opcode, owner, name, descriptor, isInterface);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                        field(where, opcode, owner, name, descriptor);
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode != Opcodes.NEW) {      // NEW is listed through its constructor call
                            type(where, Type.getObjectType(type));
                        }
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                        type(where, Type.getType(descriptor));
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Type type) {
                            type(where, type);
                        } else if (value instanceof Handle handle) {
                            handle(where, handle);
                        }
                    }

                    @Override
                    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                        if (type != null) {
                            type(where, Type.getObjectType(type));
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                                       Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle handle) {
                                handle(where, handle);
                            } else if (argument instanceof Type type && type.getSort() != Type.METHOD) {
                                type(where, type);
                            }
                        }
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        if (!model.isAbstract() && !model.isInterface()) {
            abstractMethodsImplemented(model);
        }
    }

    private void record(String line, String where) {
        references.putIfAbsent(line, where);
    }

    private void problem(String where, String message) {
        problems.add(message + "  [in " + where + "]");
    }

    private void extendsHost(String self, String superName, String signature) {
        record("extends " + superName, self);
        Optional<ClassModel> parent = pool.find(superName);
        if (parent.isEmpty()) {
            problem(self, "extends " + superName + ", which the mirror does not have");
            return;
        }
        if (parent.get().isInterface()) {
            problem(self, "extends " + superName + ", an interface in the mirror (IncompatibleClassChangeError)");
        }
        if (parent.get().isFinal()) {
            problem(self, "extends " + superName + ", final in the mirror (VerifyError)");
        }
        if (parent.get().signature != null && parent.get().signature.startsWith("<")
                && (signature == null || !signature.contains("L" + superName + "<"))) {
            problem(self, "extends the generic " + superName + " raw: core reads the type argument reflectively");
        }
    }

    private void implementsHost(String self, String itf) {
        record("implements " + itf, self);
        Optional<ClassModel> type = pool.find(itf);
        if (type.isEmpty()) {
            problem(self, "implements " + itf + ", which the mirror does not have");
        } else if (!type.get().isInterface()) {
            problem(self, "implements " + itf + ", a class in the mirror (IncompatibleClassChangeError)");
        }
    }

    private AnnotationVisitor annotation(String where, String descriptor, boolean visible) {
        String type = Type.getType(descriptor).getInternalName();
        if (pool.isHost(type)) {
            record("annotation " + type, where);
            Optional<ClassModel> declaration = pool.find(type);
            if (declaration.isEmpty()) {
                problem(where, "annotation " + type + " is not in the mirror");
            } else if (!declaration.get().isAnnotation()) {
                problem(where, type + " is not an annotation type in the mirror");
            } else if (!visible) {
                problem(where, "annotation " + type + " is class-file only (not RUNTIME retention in the mirror): "
                        + "Jenkins and Stapler will not see it");
            }
        }
        return annotationValues(where);
    }

    private AnnotationVisitor annotationValues(String where) {
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                if (value instanceof Type type) {
                    type(where, type);
                }
            }

            @Override
            public void visitEnum(String name, String descriptor, String value) {
                type(where, Type.getType(descriptor));
            }

            @Override
            public AnnotationVisitor visitAnnotation(String name, String descriptor) {
                return annotation(where, descriptor, true);
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return this;
            }
        };
    }

    private void type(String where, Type type) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() != Type.OBJECT || !pool.isHost(element.getInternalName())) {
            return;
        }
        String name = element.getInternalName();
        record("type " + name, where);
        if (pool.find(name).isEmpty()) {
            problem(where, "uses type " + name + ", which the mirror does not have");
        }
    }

    private void handle(String where, Handle handle) {
        switch (handle.getTag()) {
            case Opcodes.H_GETFIELD -> field(where, Opcodes.GETFIELD, handle.getOwner(), handle.getName(), handle.getDesc());
            case Opcodes.H_GETSTATIC -> field(where, Opcodes.GETSTATIC, handle.getOwner(), handle.getName(), handle.getDesc());
            case Opcodes.H_PUTFIELD -> field(where, Opcodes.PUTFIELD, handle.getOwner(), handle.getName(), handle.getDesc());
            case Opcodes.H_PUTSTATIC -> field(where, Opcodes.PUTSTATIC, handle.getOwner(), handle.getName(), handle.getDesc());
            case Opcodes.H_INVOKEVIRTUAL -> method(where, Opcodes.INVOKEVIRTUAL, handle.getOwner(), handle.getName(),
                    handle.getDesc(), handle.isInterface());
            case Opcodes.H_INVOKESTATIC -> method(where, Opcodes.INVOKESTATIC, handle.getOwner(), handle.getName(),
                    handle.getDesc(), handle.isInterface());
            case Opcodes.H_INVOKEINTERFACE -> method(where, Opcodes.INVOKEINTERFACE, handle.getOwner(),
                    handle.getName(), handle.getDesc(), handle.isInterface());
            default -> method(where, Opcodes.INVOKESPECIAL, handle.getOwner(), handle.getName(), handle.getDesc(),
                    handle.isInterface());
        }
    }

    // ---- calls and field accesses -------------------------------------------------------------------------------

    private void method(String where, int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (owner.startsWith("[")) {
            return;                                   // clone() on an array
        }
        boolean isStatic = opcode == Opcodes.INVOKESTATIC;
        if (!pool.isHost(owner)) {
            // One of our classes (or the JDK): a member it inherits from the host is still a use of the host API.
            if (!own.contains(owner) || name.equals("<init>")) {
                return;
            }
            resolveMethod(owner, name, descriptor).ifPresent(found -> {
                if (pool.isHost(found.declaringClass().name)) {
                    String line = opcodeName(opcode) + " " + found.declaringClass().name + "." + name + descriptor;
                    record(line, where);
                    checkMember(where, line, found, isStatic, "method");
                }
            });
            return;
        }
        String line = opcodeName(opcode) + " " + owner + "." + name + descriptor;
        record(line, where);
        Optional<ClassModel> ownerClass = pool.find(owner);
        if (ownerClass.isEmpty()) {
            problem(where, line + ": " + owner + " is not in the mirror");
            return;
        }
        if (ownerClass.get().isInterface() != isInterface) {
            problem(where, line + ": " + owner + " is " + (ownerClass.get().isInterface() ? "an interface" : "a class")
                    + " in the mirror (IncompatibleClassChangeError)");
            return;
        }
        Optional<Found> found = name.equals("<init>")
                ? ownerClass.get().method(name, descriptor).map(m -> new Found(ownerClass.get(), m))
                : resolveMethod(owner, name, descriptor);
        if (found.isEmpty()) {
            problem(where, line + ": no such method in the mirror (NoSuchMethodError)");
            return;
        }
        checkMember(where, line, found.get(), isStatic, "method");
    }

    /** The member must agree with the reference on static-ness and be reachable from our package. */
    private void checkMember(String where, String line, Found found, boolean isStatic, String kind) {
        ClassModel.Member member = found.member();
        if (member.isStatic() != isStatic) {
            problem(where, line + ": " + (member.isStatic() ? "static" : "an instance " + kind) + " in the mirror "
                    + "(IncompatibleClassChangeError)");
        }
        if (member.isPrivate() || (member.access() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0) {
            problem(where, line + ": not accessible from our package in the mirror (IllegalAccessError)");
        }
    }

    private void field(String where, int opcode, String owner, String name, String descriptor) {
        boolean isStatic = opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC;
        if (!pool.isHost(owner)) {
            if (!own.contains(owner)) {
                return;
            }
            resolveField(owner, name, descriptor).ifPresent(found -> {
                if (pool.isHost(found.declaringClass().name)) {
                    String line = opcodeName(opcode) + " " + found.declaringClass().name + "." + name + ":" + descriptor;
                    record(line, where);
                    checkMember(where, line, found, isStatic, "field");
                }
            });
            return;
        }
        String line = opcodeName(opcode) + " " + owner + "." + name + ":" + descriptor;
        record(line, where);
        if (pool.find(owner).isEmpty()) {
            problem(where, line + ": " + owner + " is not in the mirror");
            return;
        }
        Optional<Found> found = resolveField(owner, name, descriptor);
        if (found.isEmpty()) {
            problem(where, line + ": no such field in the mirror (NoSuchFieldError)");
            return;
        }
        checkMember(where, line, found.get(), isStatic, "field");
    }

    // ---- overriding and implementing ----------------------------------------------------------------------------

    private void overrides(ClassModel self, String name, String descriptor, String where) {
        String superName = self.superName;
        while (superName != null) {
            Optional<ClassModel> parent = pool.find(superName);
            if (parent.isEmpty()) {
                return;                               // reported as a missing supertype
            }
            Optional<ClassModel.Member> declared = parent.get().method(name, descriptor)
                    .filter(m -> !m.isPrivate() && (m.access() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0);
            if (declared.isPresent()) {
                if (pool.isHost(parent.get().name)) {
                    String line = "overrides " + parent.get().name + "." + name + descriptor;
                    record(line, where);
                    if (declared.get().isFinal()) {
                        problem(where, line + ": final in the mirror (VerifyError at class load)");
                    }
                    if (declared.get().isStatic()) {
                        problem(where, line + ": static in the mirror (IncompatibleClassChangeError)");
                    }
                }
                return;
            }
            superName = parent.get().superName;
        }
        for (ClassModel itf : allInterfaces(self)) {
            if (pool.isHost(itf.name) && itf.method(name, descriptor).filter(m -> !m.isStatic()).isPresent()) {
                record("overrides " + itf.name + "." + name + descriptor, where);
            }
        }
    }

    /** A concrete class of ours must implement every abstract method its host supertypes declare. */
    private void abstractMethodsImplemented(ClassModel self) {
        Map<String, Boolean> firstDeclaration = new LinkedHashMap<>();     // name+desc → abstract?
        Map<String, String> abstractInHost = new TreeMap<>();
        boolean reachesHost = false;
        for (ClassModel type = self; type != null; type = type.superName == null ? null
                : pool.find(type.superName).orElse(null)) {
            boolean host = pool.isHost(type.name);
            reachesHost |= host;
            for (ClassModel.Member m : type.methods) {
                if (m.isStatic() || m.name().startsWith("<")) {
                    continue;
                }
                String key = m.name() + m.descriptor();
                firstDeclaration.putIfAbsent(key, m.isAbstract());
                if (host && m.isAbstract()) {
                    abstractInHost.putIfAbsent(key, type.name);
                }
            }
        }
        Set<String> defaults = new HashSet<>();
        for (ClassModel itf : allInterfaces(self)) {
            boolean host = pool.isHost(itf.name);
            reachesHost |= host;
            for (ClassModel.Member m : itf.methods) {
                if (m.isStatic() || m.name().startsWith("<")) {
                    continue;
                }
                String key = m.name() + m.descriptor();
                if (m.isAbstract()) {
                    if (host) {
                        abstractInHost.putIfAbsent(key, itf.name);
                    }
                } else {
                    defaults.add(key);
                }
            }
        }
        if (!reachesHost) {
            return;
        }
        abstractInHost.forEach((key, declaredIn) -> {
            Boolean isAbstract = firstDeclaration.get(key);
            boolean implemented = isAbstract != null ? !isAbstract : defaults.contains(key);
            if (!implemented) {
                problem(self.name, "concrete, but does not implement " + declaredIn + "." + key
                        + ", abstract in the mirror (AbstractMethodError)");
            }
        });
    }

    private List<ClassModel> allInterfaces(ClassModel self) {
        List<ClassModel> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (ClassModel type = self; type != null; type = type.superName == null ? null
                : pool.find(type.superName).orElse(null)) {
            queue.addAll(type.interfaces);
        }
        while (!queue.isEmpty()) {
            String name = queue.removeFirst();
            if (seen.add(name)) {
                pool.find(name).ifPresent(itf -> {
                    result.add(itf);
                    queue.addAll(itf.interfaces);
                });
            }
        }
        return result;
    }

    // ---- resolution (JVMS 5.4.3.2 - 5.4.3.4, simplified) --------------------------------------------------------

    record Found(ClassModel declaringClass, ClassModel.Member member) {
    }

    private Optional<Found> resolveMethod(String owner, String name, String descriptor) {
        Optional<ClassModel> start = pool.find(owner);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        for (ClassModel type = start.get(); type != null; type = type.superName == null ? null
                : pool.find(type.superName).orElse(null)) {
            Optional<ClassModel.Member> m = type.method(name, descriptor);
            if (m.isPresent()) {
                return Optional.of(new Found(type, m.get()));
            }
        }
        List<ClassModel> interfaces = new ArrayList<>();
        if (start.get().isInterface()) {
            interfaces.add(start.get());
        }
        interfaces.addAll(allInterfaces(start.get()));
        Found abstractOne = null;
        for (ClassModel itf : interfaces) {
            Optional<ClassModel.Member> m = itf.method(name, descriptor).filter(x -> !x.isPrivate());
            if (m.isPresent()) {
                if (!m.get().isAbstract()) {
                    return Optional.of(new Found(itf, m.get()));
                }
                if (abstractOne == null) {
                    abstractOne = new Found(itf, m.get());
                }
            }
        }
        if (abstractOne == null && start.get().isInterface()) {
            return pool.find("java/lang/Object").flatMap(object -> object.method(name, descriptor)
                    .filter(ClassModel.Member::isPublic).map(m -> new Found(object, m)));
        }
        return Optional.ofNullable(abstractOne);
    }

    private Optional<Found> resolveField(String owner, String name, String descriptor) {
        Optional<ClassModel> type = pool.find(owner);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClassModel.Member> declared = type.get().field(name, descriptor);
        if (declared.isPresent()) {
            return Optional.of(new Found(type.get(), declared.get()));
        }
        for (String itf : type.get().interfaces) {
            Optional<Found> found = resolveField(itf, name, descriptor);
            if (found.isPresent()) {
                return found;
            }
        }
        return type.get().superName == null ? Optional.empty() : resolveField(type.get().superName, name, descriptor);
    }

    private static String opcodeName(int opcode) {
        return switch (opcode) {
            case Opcodes.INVOKEVIRTUAL -> "invokevirtual";
            case Opcodes.INVOKESPECIAL -> "invokespecial";
            case Opcodes.INVOKESTATIC -> "invokestatic";
            case Opcodes.INVOKEINTERFACE -> "invokeinterface";
            case Opcodes.GETFIELD -> "getfield";
            case Opcodes.PUTFIELD -> "putfield";
            case Opcodes.GETSTATIC -> "getstatic";
            case Opcodes.PUTSTATIC -> "putstatic";
            default -> "opcode" + opcode;
        };
    }
}
