// Compiles generated Java sources with the JDK's own compiler (javax.tools) entirely in memory and loads the
// classes in a fresh class loader, so a program's kernels are unloaded with it and nothing touches the disk.
// A JRE without a compiler is reported as a SimulationException naming the way out (--engine interp).
package org.tdlc.sim;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

final class InMemoryJavac {
  private InMemoryJavac() {}

  /** Compiles {@code sources} (which use JDK classes only) and returns the loader that defines them. */
  static ClassLoader compile(List<JavaFileObject> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new SimulationException("the compiled engine needs a JDK (this Java runtime has no system Java "
          + "compiler); use --engine interp");
    }
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
    JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
      @Override public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                           FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
          @Override public OutputStream openOutputStream() {
            return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
          }
        };
      }
    };
    StringWriter out = new StringWriter();
    boolean ok;
    try (memory) {
      // -proc:none: no annotation processors from the class path; -g:none keeps the classes small
      ok = javac.getTask(out, memory, diagnostics, List.of("-proc:none", "-g:none", "-nowarn"), null, sources).call();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (!ok) {
      throw new IllegalStateException("generated kernels do not compile: " + diagnostics.getDiagnostics() + out);
    }
    Map<String, byte[]> bytes = new HashMap<>();
    classes.forEach((name, b) -> bytes.put(name, b.toByteArray()));
    return new ClassLoader(InMemoryJavac.class.getClassLoader()) {
      @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytes.get(name);
        if (b == null) throw new ClassNotFoundException(name);
        return defineClass(name, b, 0, b.length);
      }
    };
  }
}
