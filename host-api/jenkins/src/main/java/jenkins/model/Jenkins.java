package jenkins.model;

import hudson.ProxyConfiguration;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;

public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {

    public static final Permission ADMINISTER = null;

    public static String VERSION = "?";

    public transient volatile ProxyConfiguration proxy;

    private Jenkins() {
    }

    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("mirror: Jenkins is not running");
    }

    public static Jenkins getInstanceOrNull() {
        return null;
    }

    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("mirror");
    }

    public String getLegacyInstanceId() {
        throw new UnsupportedOperationException("mirror");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("mirror");
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) {
        throw new UnsupportedOperationException("mirror");
    }

    @Override
    public String getFullName() {
        return "";
    }

    @Override
    public String getFullDisplayName() {
        return "";
    }

    @Override
    public String getUrl() {
        return "";
    }

    @Override
    public String getDisplayName() {
        return "Jenkins";
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("mirror");
    }
}
