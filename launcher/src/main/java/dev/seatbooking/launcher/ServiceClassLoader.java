package dev.seatbooking.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The launcher's class path as one application sees it: every class, but not the resources of the other
 * applications' own roots (their {@code application.yml}, {@code db/migration}, {@code static/}). The services
 * share one class path in this JVM, and each finds its configuration and Flyway migrations at the same paths;
 * with this loader each finds only its own, and its own tests and packaging stay as they are.
 */
final class ServiceClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final List<String> hiddenRoots;

    ServiceClassLoader(String name, ClassLoader parent, List<String> hiddenRoots) {
        super(name, parent);
        this.hiddenRoots = List.copyOf(hiddenRoots);
    }

    /** The class path root (directory or jar URL, ending in '/') that holds {@code mainClass}. */
    static String rootOf(Class<?> mainClass) {
        String classFile = mainClass.getName().replace('.', '/') + ".class";
        URL classUrl = mainClass.getClassLoader().getResource(classFile);
        if (classUrl == null) throw new IllegalStateException("Cannot find " + classFile);
        String url = classUrl.toString();
        return url.substring(0, url.length() - classFile.length());
    }

    @Override
    public URL getResource(String name) {
        try {
            Enumeration<URL> found = getResources(name);
            return found.hasMoreElements() ? found.nextElement() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> visible = new ArrayList<>();
        for (URL url : Collections.list(getParent().getResources(name))) {
            if (!hidden(url)) visible.add(url);
        }
        return Collections.enumeration(visible);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        URL url = getResource(name);
        try {
            return url == null ? null : url.openStream();
        } catch (IOException e) {
            return null;
        }
    }

    private boolean hidden(URL url) {
        String text = url.toString();
        for (String root : hiddenRoots) {
            if (text.startsWith(root)) return true;
        }
        return false;
    }
}
