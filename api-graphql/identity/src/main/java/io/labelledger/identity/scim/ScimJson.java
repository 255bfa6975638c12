package io.labelledger.identity.scim;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** SCIM resources and messages as JSON (RFC 7643 §4, RFC 7644 §3.4.2, §3.12). */
public final class ScimJson {
    /** SCIM resources are small; a larger body is refused before parsing (the server-wide codec limit is far higher). */
    static final int MAX_BODY_CHARS = 1 << 20;
    private final JsonMapper mapper;

    public ScimJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode read(String body) {
        if (body == null || body.isBlank()) throw ScimException.invalidSyntax("A JSON body is required");
        if (body.length() > MAX_BODY_CHARS) throw new ScimException(413, null, "The request body is larger than 1 MiB");
        try {
            return mapper.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            throw ScimException.invalidSyntax("The body is not valid JSON");
        }
    }

    public String write(JsonNode node) { return mapper.writeValueAsString(node); }

    public ObjectNode object() { return mapper.createObjectNode(); }

    public ObjectNode user(ScimStore.UserRow row, String base) {
        ScimUser u = row.user();
        ObjectNode n = object();
        n.putArray("schemas").add(ScimSchemas.USER);
        n.put("id", row.id());
        if (u.externalId() != null) n.put("externalId", u.externalId());
        n.put("userName", u.userName());
        ObjectNode name = n.putObject("name");
        if (u.givenName() != null) name.put("givenName", u.givenName());
        if (u.familyName() != null) name.put("familyName", u.familyName());
        name.put("formatted", u.nameForPeople());
        n.put("displayName", u.nameForPeople());
        ObjectNode email = n.putArray("emails").addObject();
        email.put("value", u.email());
        email.put("type", "work");
        email.put("primary", true);
        n.put("active", u.active());
        meta(n, "User", row.created(), row.lastModified(), row.version(), base + "/Users/" + row.id());
        return n;
    }

    public ObjectNode group(ScimStore.GroupRow row, String base) {
        ScimGroup g = row.group();
        ObjectNode n = object();
        n.putArray("schemas").add(ScimSchemas.GROUP).add(ScimSchemas.GROUP_ACCESS);
        n.put("id", row.id());
        if (g.externalId() != null) n.put("externalId", g.externalId());
        n.put("displayName", g.displayName());
        ArrayNode members = n.putArray("members");
        row.memberNames().forEach((id, userName) -> {
            ObjectNode m = members.addObject();
            m.put("value", id);
            if (userName != null) m.put("display", userName);
            m.put("type", "User");
            m.put("$ref", base + "/Users/" + id);
        });
        ObjectNode access = n.putObject(ScimSchemas.GROUP_ACCESS);
        if (g.role() != null) access.put("organizationRole", g.role().name());
        else access.putNull("organizationRole");
        ArrayNode workspaces = access.putArray("workspaces");
        g.workspaces().stream().sorted().forEach(workspaces::add);
        ArrayNode projects = access.putArray("projects");
        g.projects().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> projects.addObject().put("value", e.getKey()).put("role", e.getValue().name()));
        meta(n, "Group", row.created(), row.lastModified(), row.version(), base + "/Groups/" + row.id());
        return n;
    }

    private static void meta(ObjectNode n, String type, Instant created, Instant lastModified, long version, String location) {
        ObjectNode meta = n.putObject("meta");
        meta.put("resourceType", type);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("version", ScimEtag.of(version));
        meta.put("location", location);
    }

    public <T> ObjectNode list(ScimStore.Page<T> page, int startIndex, Function<T, JsonNode> render) {
        ObjectNode n = object();
        n.putArray("schemas").add(ScimSchemas.LIST);
        n.put("totalResults", page.total());
        n.put("startIndex", startIndex);
        n.put("itemsPerPage", page.items().size());
        ArrayNode resources = n.putArray("Resources");
        page.items().forEach(i -> resources.add(render.apply(i)));
        return n;
    }

    public ObjectNode list(List<JsonNode> items) {
        ObjectNode n = object();
        n.putArray("schemas").add(ScimSchemas.LIST);
        n.put("totalResults", items.size());
        n.put("startIndex", 1);
        n.put("itemsPerPage", items.size());
        n.putArray("Resources").addAll(items);
        return n;
    }

    public ObjectNode error(ScimException e) {
        ObjectNode n = object();
        n.putArray("schemas").add(ScimSchemas.ERROR);
        n.put("status", String.valueOf(e.status()));
        if (e.scimType() != null) n.put("scimType", e.scimType());
        n.put("detail", e.getMessage());
        return n;
    }
}
