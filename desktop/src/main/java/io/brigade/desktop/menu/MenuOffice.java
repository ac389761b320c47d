package io.brigade.desktop.menu;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.protocol.Data;
import io.brigade.protocol.availability.ChannelSnoozes;
import io.brigade.protocol.availability.SnoozeChange;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuCreated;
import io.brigade.protocol.menus.MenuOverview;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.Publication;
import io.brigade.protocol.menus.PublishRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The menu editor's calls to the back office ({@code /backoffice/v1/orgs/{orgId}/menus...} and the channel
 * snoozes) as the signed-in manager. Refusals come as
 * {@link io.brigade.desktop.client.BackOfficeException}, whose {@code errors()} keep the server's field errors apart so the editor can show each one at its field.
 */
public final class MenuOffice {
    private final BackOfficeClient office;

    public MenuOffice(BackOfficeClient office) {
        this.office = office;
    }

    public MenuOverview overview() throws IOException {
        return office.get("menus", new TypeReference<Data<MenuOverview>>() { }).data();
    }

    public MenuRevision revision(String menuId, long revisionId) throws IOException {
        return office.get("menus/" + menuId + "/revisions/" + revisionId,
                new TypeReference<Data<MenuRevision>>() { }).data();
    }

    /** Saves edited content as the menu's next revision (revisions never change once made). */
    public MenuCreated saveRevision(String menuId, MenuContent content) throws IOException {
        return office.post("menus/" + menuId + "/revisions", content, MenuCreated.class);
    }

    public List<Publication> publish(String menuId, long revisionId, List<String> salesChannelIds)
            throws IOException {
        return office.post("menus/" + menuId + "/revisions/" + revisionId + "/publish",
                new PublishRequest(salesChannelIds), new TypeReference<Data<List<Publication>>>() { }).data();
    }

    public ChannelSnoozes snoozes(String salesChannelId) throws IOException {
        return office.get("salesChannels/" + salesChannelId + "/snoozes",
                new TypeReference<Data<ChannelSnoozes>>() { }).data();
    }

    /** Snoozes ({@code snoozed} true) or unsnoozes an item, or with a null {@code menuItemId} the whole channel. */
    public ChannelSnoozes snooze(String salesChannelId, String menuItemId, boolean snoozed, Instant expiry)
            throws IOException {
        return office.post("salesChannels/" + salesChannelId + "/snoozes",
                new SnoozeChange(menuItemId, snoozed, expiry),
                new TypeReference<Data<ChannelSnoozes>>() { }).data();
    }
}
