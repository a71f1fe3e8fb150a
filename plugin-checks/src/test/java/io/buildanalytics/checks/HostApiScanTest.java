package io.buildanalytics.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The scanner behind HostApiReferencesIT, on made-up classes: each linkage mistake it exists for is reported. */
class HostApiScanTest {

    private static final String HOST = "hudson/model/Sample";
    private static final String HOST_ITF = "hudson/model/SampleItf";
    private static final String OURS = "io/buildanalytics/jenkins/Ours";

    /** The "mirror": a generic class with a final, an abstract, a static and an instance method, and an interface. */
    private static final Map<String, byte[]> MIRROR = Map.of(
            HOST, type(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, HOST, "<T:Ljava/lang/Object;>Ljava/lang/Object;",
                    "java/lang/Object", new String[0], cw -> {
                        method(cw, Opcodes.ACC_PROTECTED, "<init>", "()V", null);
                        method(cw, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "fixed", "()V", null);
                        method(cw, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "hook", "()V", null);
                        method(cw, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "get", "()Lhudson/model/Sample;", null);
                        method(cw, Opcodes.ACC_PUBLIC, "name", "()Ljava/lang/String;", null);
                        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "CONSTANT", "I", null, null).visitEnd();
                    }),
            HOST_ITF, type(Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, HOST_ITF, null,
                    "java/lang/Object", new String[0], cw -> { }));

    @Test
    void aCorrectUseIsListedAndRaisesNothing() {
        HostApiScan.Result result = scan(type(Opcodes.ACC_PUBLIC, OURS, "Lhudson/model/Sample<Ljava/lang/String;>;",
                HOST, new String[0], cw -> {
                    method(cw, Opcodes.ACC_PUBLIC, "<init>", "()V",
                            mv -> mv.visitMethodInsn(Opcodes.INVOKESPECIAL, HOST, "<init>", "()V", false));
                    method(cw, Opcodes.ACC_PUBLIC, "hook", "()V", mv -> {
                        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOST, "get", "()Lhudson/model/Sample;", false);
                        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, OURS, "name", "()Ljava/lang/String;", false);
                        mv.visitFieldInsn(Opcodes.GETSTATIC, HOST, "CONSTANT", "I");
                    });
                }));

        assertThat(result.problems()).isEmpty();
        assertThat(result.references()).containsExactlyInAnyOrder(
                "extends hudson/model/Sample",
                "invokespecial hudson/model/Sample.<init>()V",
                "overrides hudson/model/Sample.hook()V",
                "invokestatic hudson/model/Sample.get()Lhudson/model/Sample;",
                "invokevirtual hudson/model/Sample.name()Ljava/lang/String;",
                "getstatic hudson/model/Sample.CONSTANT:I");
    }

    @Test
    void linkageMistakesAreReported() {
        HostApiScan.Result result = scan(type(Opcodes.ACC_PUBLIC, OURS, null, HOST, new String[0], cw -> {
            method(cw, Opcodes.ACC_PUBLIC, "fixed", "()V", null);                      // overrides a final method
            method(cw, Opcodes.ACC_PUBLIC, "run", "()V", mv -> {
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HOST, "get", "()Lhudson/model/Sample;", false);  // static
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HOST, "gone", "()V", false);                    // missing
                mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, HOST, "name", "()Ljava/lang/String;", true);  // a class
                mv.visitFieldInsn(Opcodes.GETFIELD, HOST, "CONSTANT", "I");                                // static
                mv.visitTypeInsn(Opcodes.CHECKCAST, "hudson/model/Missing");
            });
        }));

        assertThat(String.join("\n", result.problems())).contains(
                "extends the generic hudson/model/Sample raw",
                "overrides hudson/model/Sample.fixed()V: final in the mirror",
                "invokevirtual hudson/model/Sample.get()Lhudson/model/Sample;: static in the mirror",
                "invokevirtual hudson/model/Sample.gone()V: no such method in the mirror",
                "invokeinterface hudson/model/Sample.name()Ljava/lang/String;: hudson/model/Sample is a class",
                "getfield hudson/model/Sample.CONSTANT:I: static in the mirror",
                "uses type hudson/model/Missing, which the mirror does not have",
                "does not implement hudson/model/Sample.hook()V");
    }

    @Test
    void classAndInterfaceMixUpsAndAnnotationsOnlyInTheClassFileAreReported() {
        HostApiScan.Result result = scan(type(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, OURS, null, HOST_ITF,
                new String[] {HOST}, cw -> cw.visitAnnotation("Lhudson/model/SampleItf;", false).visitEnd()));

        assertThat(String.join("\n", result.problems())).contains(
                "extends hudson/model/SampleItf, an interface in the mirror",
                "implements hudson/model/Sample, a class in the mirror",
                "hudson/model/SampleItf is not an annotation type in the mirror");
    }

    private static HostApiScan.Result scan(byte[] ours) {
        return HostApiScan.scan(Map.of(OURS, ours), new ClassPool(List.of("hudson/"), Map.of(OURS, ours), MIRROR));
    }

    private static byte[] type(int access, String name, String signature, String superName, String[] interfaces,
                               Consumer<ClassWriter> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, access, name, signature, superName, interfaces);
        body.accept(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void method(ClassWriter cw, int access, String name, String descriptor,
                               Consumer<MethodVisitor> code) {
        MethodVisitor mv = cw.visitMethod(access, name, descriptor, null, null);
        if ((access & Opcodes.ACC_ABSTRACT) == 0) {
            mv.visitCode();
            if (code != null) {
                code.accept(mv);
            }
            mv.visitInsn(descriptor.endsWith(")V") ? Opcodes.RETURN : Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
        }
        mv.visitEnd();
    }
}
