package hudson.model;

import hudson.security.Permission;
import jenkins.model.Jenkins;
import jenkins.model.Loadable;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable {

    public final transient Class<? extends T> clazz;

    @SuppressWarnings("unchecked")
    protected Descriptor(Class<? extends T> clazz) {
        // Like the real class: self() stands for "the descriptor's own class" (GlobalConfiguration uses it).
        this.clazz = (Object) clazz == Self.class ? (Class<? extends T>) getClass() : clazz;
    }

    /** Like the real one: a descriptor nested in its describable class describes that class. */
    @SuppressWarnings("unchecked")
    protected Descriptor() {
        this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
    }

    protected static Class self() {
        return Self.class;
    }

    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    public String getId() {
        return clazz.getName();
    }

    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.ADMINISTER;
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        return true;
    }

    @Override
    public synchronized void save() {
    }

    @Override
    public synchronized void load() {
    }

    public static final class FormException extends Exception {
        private final String formField;

        public FormException(String message, String formField) {
            super(message);
            this.formField = formField;
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
            this.formField = formField;
        }

        public String getFormField() {
            return formField;
        }
    }

    public static final class Self {
    }
}
