package io.brigade.desktop.menu;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.desktop.backoffice.BackOfficeClient;
import io.brigade.protocol.Data;
import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuCreated;
import io.brigade.protocol.menus.MenuOverview;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.Publication;
import io.brigade.protocol.menus.PublishRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The menu editor's calls to the back office ({@code /backoffice/v1/orgs/{orgId}/menus...} and the channel
 * snoozes) as the signed-in manager. Refusals come as {@link MenuRefusal}, with the server's field errors kept
 * apart so the editor can show each one at its field.
 */
public final class MenuOffice {
    private static final MediaType JSON = MediaType.get("application/json");
    private final BackOfficeClient office;
    private final ObjectMapper mapper = Json.mapper();

    public MenuOffice(BackOfficeClient office) {
        this.office = office;
    }

    public MenuOverview overview() throws IOException {
        return call(get("menus"), new TypeReference<Data<MenuOverview>>() { }).data();
    }

    public MenuRevision revision(String menuId, long revisionId) throws IOException {
        return call(get("menus/" + menuId + "/revisions/" + revisionId),
                new TypeReference<Data<MenuRevision>>() { }).data();
    }

    /** Saves edited content as the menu's next revision (revisions never change once made). */
    public MenuCreated saveRevision(String menuId, MenuContent content) throws IOException {
        return call(post("menus/" + menuId + "/revisions", content), new TypeReference<MenuCreated>() { });
    }

    public List<Publication> publish(String menuId, long revisionId, List<String> salesChannelIds)
            throws IOException {
        return call(post("menus/" + menuId + "/revisions/" + revisionId + "/publish",
                new PublishRequest(salesChannelIds)), new TypeReference<Data<List<Publication>>>() { }).data();
    }

    public ChannelSnoozes snoozes(String salesChannelId) throws IOException {
        return call(get("salesChannels/" + salesChannelId + "/snoozes"),
                new TypeReference<Data<ChannelSnoozes>>() { }).data();
    }

    /** Snoozes ({@code snoozed} true) or unsnoozes an item, or with a null {@code menuItemId} the whole channel. */
    public ChannelSnoozes snooze(String salesChannelId, String menuItemId, boolean snoozed, Instant expiry)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (menuItemId != null) {
            body.put("menuItemId", menuItemId);
        }
        body.put("snoozed", snoozed);
        if (expiry != null) {
            body.put("expiry", expiry.toString());
        }
        return call(post("salesChannels/" + salesChannelId + "/snoozes", body),
                new TypeReference<Data<ChannelSnoozes>>() { }).data();
    }

    private Request get(String relative) {
        return new Request.Builder().url(office.url(relative)).get().build();
    }

    private Request post(String relative, Object body) throws IOException {
        return new Request.Builder().url(office.url(relative))
                .post(RequestBody.create(mapper.writeValueAsBytes(body), JSON)).build();
    }

    private <T> T call(Request request, TypeReference<T> type) throws IOException {
        JavaType javaType = mapper.constructType(type);
        try (Response response = office.http().newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw refusal(response.code(), body);
            }
            return mapper.readValue(body, javaType);
        }
    }

    private MenuRefusal refusal(int status, String body) {
        try {
            Problem p = mapper.readValue(body, Problem.class);
            return new MenuRefusal(status, p.detail() != null ? p.detail() : String.valueOf(p.title()),
                    p.errors() == null ? List.of() : p.errors());
        } catch (IOException | RuntimeException e) {
            return new MenuRefusal(status, "the server answered " + status, List.of());
        }
    }
}
