package io.buildanalytics.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The declarations of one class file (no code), read with ASM, for checks that must not load the class. */
public final class ClassModel {

    /** A method or field: name, descriptor, access flags and the annotations on it (descriptor, runtime-visible). */
    public record Member(String name, String descriptor, int access, Map<String, Boolean> annotations) {

        public boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }

        public boolean isPublic() {
            return (access & Opcodes.ACC_PUBLIC) != 0;
        }

        public boolean isFinal() {
            return (access & Opcodes.ACC_FINAL) != 0;
        }

        public boolean isAbstract() {
            return (access & Opcodes.ACC_ABSTRACT) != 0;
        }

        public boolean isPrivate() {
            return (access & Opcodes.ACC_PRIVATE) != 0;
        }

        public boolean hasRuntimeAnnotation(String internalName) {
            return Boolean.TRUE.equals(annotations.get("L" + internalName + ";"));
        }
    }

    public final String name;
    public final String superName;
    public final List<String> interfaces;
    public final int access;
    public final int major;
    public final String signature;
    /** Annotation descriptor → runtime-visible (true) or class-file only (false). */
    public final Map<String, Boolean> annotations = new LinkedHashMap<>();
    public final Map<String, String> annotationValues = new LinkedHashMap<>();
    public final List<Member> methods = new ArrayList<>();
    public final List<Member> fields = new ArrayList<>();

    private ClassModel(ClassReader reader) {
        this.name = reader.getClassName();
        this.superName = reader.getSuperName();
        this.interfaces = List.of(reader.getInterfaces());
        this.access = reader.getAccess();
        this.major = reader.readUnsignedShort(6);
        String[] signatureHolder = new String[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                signatureHolder[0] = signature;
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                annotations.put(descriptor, visible);
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String name, Object value) {
                        annotationValues.put(descriptor + "#" + name, String.valueOf(value));
                    }

                    @Override
                    public AnnotationVisitor visitArray(String name) {
                        return new AnnotationVisitor(Opcodes.ASM9) {
                            @Override
                            public void visit(String ignored, Object value) {
                                annotationValues.merge(descriptor + "#" + name, String.valueOf(value),
                                        (a, b) -> a + "," + b);
                            }
                        };
                    }
                };
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                Map<String, Boolean> memberAnnotations = new LinkedHashMap<>();
                fields.add(new Member(name, descriptor, access, memberAnnotations));
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        memberAnnotations.put(annotation, visible);
                        return null;
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Map<String, Boolean> memberAnnotations = new LinkedHashMap<>();
                methods.add(new Member(name, descriptor, access, memberAnnotations));
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        memberAnnotations.put(annotation, visible);
                        return null;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        this.signature = signatureHolder[0];
    }

    public static ClassModel of(byte[] bytes) {
        return new ClassModel(new ClassReader(bytes));
    }

    public boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    public boolean isAnnotation() {
        return (access & Opcodes.ACC_ANNOTATION) != 0;
    }

    public boolean isAbstract() {
        return (access & Opcodes.ACC_ABSTRACT) != 0;
    }

    public boolean isFinal() {
        return (access & Opcodes.ACC_FINAL) != 0;
    }

    public boolean isPublic() {
        return (access & Opcodes.ACC_PUBLIC) != 0;
    }

    public Optional<Member> method(String name, String descriptor) {
        return methods.stream().filter(m -> m.name().equals(name) && m.descriptor().equals(descriptor)).findFirst();
    }

    public Optional<Member> field(String name, String descriptor) {
        return fields.stream().filter(f -> f.name().equals(name) && f.descriptor().equals(descriptor)).findFirst();
    }

    public List<Member> methodsNamed(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).toList();
    }

    public Set<String> supertypes() {
        Set<String> types = new LinkedHashSet<>();
        if (superName != null) {
            types.add(superName);
        }
        types.addAll(interfaces);
        return types;
    }
}
