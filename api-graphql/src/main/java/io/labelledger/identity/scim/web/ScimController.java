package io.labelledger.identity.scim.web;

import io.labelledger.identity.scim.ScimClient;
import io.labelledger.identity.scim.ScimEtag;
import io.labelledger.identity.account.SecurityRefusals;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.scim.ScimException;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.organization.api.OrganizationId;
import org.springframework.web.reactive.HandlerMapping;
import io.labelledger.identity.scim.ScimGroup;
import io.labelledger.identity.scim.ScimGroupPatch;
import io.labelledger.identity.scim.ScimJson;
import io.labelledger.identity.scim.ScimPatch;
import io.labelledger.identity.scim.ScimSchemas;
import io.labelledger.identity.scim.ScimService;
import io.labelledger.identity.scim.ScimStore;
import io.labelledger.identity.scim.ScimUser;
import io.labelledger.identity.scim.ScimUserPatch;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

/**
 * SCIM 2.0 service provider under /scim/v2 (RFC 7643/7644): discovery, Users and Groups. The organization is the
 * SCIM token's ({@link ScimClient}); resources of other organizations are 404. Every answer, errors included, is
 * application/scim+json. Work that blocks (JDBC, the command bus) runs on boundedElastic.
 */
@RestController
@RequestMapping("/scim/v2")
public class ScimController {
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 200;
    private static final MediaType SCIM = MediaType.parseMediaType(ScimSchemas.MEDIA_TYPE);

    private final ScimService service;
    private final ScimJson json;
    private final SecurityRefusals refusals;
    private final ClientIp clientIp;

    public ScimController(ScimService service, ScimJson json, SecurityRefusals refusals, ClientIp clientIp) {
        this.service = service;
        this.json = json;
        this.refusals = refusals;
        this.clientIp = clientIp;
    }

    // ---- discovery --------------------------------------------------------------------------------------------

    @GetMapping("/ServiceProviderConfig")
    public Mono<ResponseEntity<String>> serviceProviderConfig(ServerWebExchange exchange) {
        return client(exchange).map(c -> ok(json.read(document("ServiceProviderConfig", exchange))));
    }

    @GetMapping("/ResourceTypes")
    public Mono<ResponseEntity<String>> resourceTypes(ServerWebExchange exchange) {
        return client(exchange).map(c -> ok(json.list(items(json.read(document("ResourceTypes", exchange))))));
    }

    @GetMapping("/ResourceTypes/{id}")
    public Mono<ResponseEntity<String>> resourceType(@PathVariable String id, ServerWebExchange exchange) {
        return client(exchange).map(c -> ok(byId(json.read(document("ResourceTypes", exchange)), id, "ResourceType")));
    }

    @GetMapping("/Schemas")
    public Mono<ResponseEntity<String>> schemas(ServerWebExchange exchange) {
        return client(exchange).map(c -> ok(json.list(items(json.read(document("Schemas", exchange))))));
    }

    @GetMapping("/Schemas/{id}")
    public Mono<ResponseEntity<String>> schema(@PathVariable String id, ServerWebExchange exchange) {
        return client(exchange).map(c -> ok(byId(json.read(document("Schemas", exchange)), id, "Schema")));
    }

    // ---- users ------------------------------------------------------------------------------------------------

    @PostMapping("/Users")
    public Mono<ResponseEntity<String>> createUser(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            ScimStore.UserRow row = service.createUser(c, ScimUser.fromJson(json.read(body)));
            return created(json.user(row, base(exchange)), row.version());
        }));
    }

    @GetMapping("/Users/{id}")
    public Mono<ResponseEntity<String>> user(@PathVariable String id, @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
                                             ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            ScimStore.UserRow row = service.user(c, id);
            if (ifNoneMatch != null && ScimEtag.matches(ifNoneMatch, row.version())) return notModified(row.version());
            return ok(json.user(row, base(exchange)), row.version());
        }));
    }

    @GetMapping("/Users")
    public Mono<ResponseEntity<String>> users(@RequestParam(required = false) String filter, @RequestParam(required = false) String startIndex,
                                              @RequestParam(required = false) String count, ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            int start = startIndex(startIndex);
            String base = base(exchange);
            return ok(json.list(service.users(c, filter, start, count(count)), start, r -> json.user(r, base)));
        }));
    }

    @PutMapping("/Users/{id}")
    public Mono<ResponseEntity<String>> replaceUser(@PathVariable String id, @RequestBody(required = false) String body,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                    ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            ScimUser replacement = ScimUser.fromJson(json.read(body));
            ScimStore.UserRow row = service.replaceUser(c, id, ifMatch, current -> replacement);
            return ok(json.user(row, base(exchange)), row.version());
        }));
    }

    @PatchMapping("/Users/{id}")
    public Mono<ResponseEntity<String>> patchUser(@PathVariable String id, @RequestBody(required = false) String body,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                  ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            ScimPatch patch = ScimPatch.fromJson(json.read(body));
            ScimStore.UserRow row = service.replaceUser(c, id, ifMatch, current -> ScimUserPatch.apply(current, patch));
            return ok(json.user(row, base(exchange)), row.version());
        }));
    }

    @DeleteMapping("/Users/{id}")
    public Mono<ResponseEntity<String>> deleteUser(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            service.deleteUser(c, id, ifMatch);
            return ResponseEntity.noContent().<String>build();
        }));
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    @PostMapping("/Groups")
    public Mono<ResponseEntity<String>> createGroup(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            ScimStore.GroupRow row = service.createGroup(c, ScimGroup.fromJson(json.read(body)));
            return created(json.group(row, base(exchange)), row.version());
        }));
    }

    @GetMapping("/Groups/{id}")
    public Mono<ResponseEntity<String>> group(@PathVariable String id, @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
                                              ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            ScimStore.GroupRow row = service.group(c, id);
            if (ifNoneMatch != null && ScimEtag.matches(ifNoneMatch, row.version())) return notModified(row.version());
            return ok(json.group(row, base(exchange)), row.version());
        }));
    }

    @GetMapping("/Groups")
    public Mono<ResponseEntity<String>> groups(@RequestParam(required = false) String filter, @RequestParam(required = false) String startIndex,
                                               @RequestParam(required = false) String count, ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            int start = startIndex(startIndex);
            String base = base(exchange);
            return ok(json.list(service.groups(c, filter, start, count(count)), start, r -> json.group(r, base)));
        }));
    }

    @PutMapping("/Groups/{id}")
    public Mono<ResponseEntity<String>> replaceGroup(@PathVariable String id, @RequestBody(required = false) String body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            ScimGroup replacement = ScimGroup.fromJson(json.read(body));
            ScimStore.GroupRow row = service.replaceGroup(c, id, ifMatch, current -> replacement);
            return ok(json.group(row, base(exchange)), row.version());
        }));
    }

    @PatchMapping("/Groups/{id}")
    public Mono<ResponseEntity<String>> patchGroup(@PathVariable String id, @RequestBody(required = false) String body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            ScimPatch patch = ScimPatch.fromJson(json.read(body));
            ScimStore.GroupRow row = service.replaceGroup(c, id, ifMatch, current -> ScimGroupPatch.apply(current, patch));
            return ok(json.group(row, base(exchange)), row.version());
        }));
    }

    @DeleteMapping("/Groups/{id}")
    public Mono<ResponseEntity<String>> deleteGroup(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                    ServerWebExchange exchange) {
        return client(exchange).flatMap(c -> blocking(c, exchange, () -> {
            service.deleteGroup(c, id, ifMatch);
            return ResponseEntity.noContent().<String>build();
        }));
    }

    // ---- errors -----------------------------------------------------------------------------------------------

    @ExceptionHandler(ScimException.class)
    public ResponseEntity<String> scimError(ScimException e) {
        return error(e);
    }

    /** Anything else is still answered in the SCIM format, without details. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<String> unexpected(Exception e) {
        return error(ScimErrorHandler.toScim(e));
    }

    private ResponseEntity<String> error(ScimException e) {
        return ResponseEntity.status(e.status()).contentType(SCIM).body(json.write(json.error(e)));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Mono<ScimClient> client(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .flatMap(p -> p instanceof Authentication a && a.getPrincipal() instanceof ScimClient c ? Mono.just(c) : Mono.<ScimClient>empty())
                .switchIfEmpty(Mono.error(() -> new ScimException(401, null, "A SCIM bearer token is required")));
    }

    private <T> Mono<T> blocking(ScimClient client, ServerWebExchange exchange, Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())
                   .onErrorMap(e -> !(e instanceof ScimException), ScimService::toScim)
                   .onErrorResume(ScimException.class, e -> e.status() == 403 ? refused(client, exchange).then(Mono.error(e)) : Mono.error(e));
    }

    /**
     * A SCIM request the organization's rules refused (e.g. an Admin's token deactivating an Owner) is an audit entry
     * like any refused operation: the token acts for its creator, the operation is the method and route.
     */
    private Mono<Void> refused(ScimClient client, ServerWebExchange exchange) {
        Object route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Map<String, String> variables = exchange.getAttributeOrDefault(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of());
        String operation = "SCIM " + exchange.getRequest().getMethod().name() + " "
                + (route != null ? route.toString() : exchange.getRequest().getPath().pathWithinApplication().value());
        return refusals.operationRefused(new OrganizationId(client.organizationId()), new UserId(client.createdBy()), client.actorId(),
                operation, variables.get("id"), clientIp.of(exchange));
    }

    private ResponseEntity<String> ok(JsonNode body) {
        return ResponseEntity.ok().contentType(SCIM).body(json.write(body));
    }

    private ResponseEntity<String> ok(JsonNode body, long version) {
        return ResponseEntity.ok().contentType(SCIM).eTag(ScimEtag.of(version)).body(json.write(body));
    }

    private ResponseEntity<String> created(JsonNode body, long version) {
        return ResponseEntity.status(HttpStatus.CREATED).contentType(SCIM).eTag(ScimEtag.of(version))
                             .header(HttpHeaders.LOCATION, body.get("meta").get("location").asString()).body(json.write(body));
    }

    private static ResponseEntity<String> notModified(long version) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(ScimEtag.of(version)).build();
    }

    /** 1-based; below 1 is read as 1 (RFC 7644 §3.4.2.4). */
    private static int startIndex(String value) {
        if (value == null) return 1;
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("startIndex must be an integer");
        }
    }

    /** Negative is read as 0; capped at {@link #MAX_COUNT}. */
    private static int count(String value) {
        if (value == null) return DEFAULT_COUNT;
        try {
            return Math.min(MAX_COUNT, Math.max(0, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("count must be an integer");
        }
    }

    static String base(ServerWebExchange exchange) {
        URI uri = exchange.getRequest().getURI();
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/scim/v2";
    }

    private static String document(String name, ServerWebExchange exchange) {
        try (var in = new ClassPathResource("scim/" + name + ".json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{base}", base(exchange));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> items(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode byId(JsonNode array, String id, String what) {
        Optional<JsonNode> found = items(array).stream().filter(n -> n.get("id").asString().equals(id)).findFirst();
        return found.orElseThrow(() -> ScimException.notFound(what));
    }
}
