package hudson.model;

public interface ItemGroup<T extends Item> extends ModelObject {
    String getFullName();

    String getFullDisplayName();

    String getUrl();

    default <T extends Item> Iterable<T> allItems(Class<T> type) {
        throw new UnsupportedOperationException("mirror");
    }
}
