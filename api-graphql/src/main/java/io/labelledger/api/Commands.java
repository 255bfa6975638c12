package io.labelledger.api;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends commands with the caller's metadata (actor, organization, client IP) that every resulting event carries.
 * The command bus and JDBC block, so dispatch happens on boundedElastic, never on a Netty event-loop thread.
 * Domain refusals come back as {@link Result#error()}; anything else is an internal error.
 */
public class Commands {
    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<Result<R>> send(Object command, Caller caller, String clientIp) {
        return send(command, caller, clientIp, null);
    }

    /** {@code grant}: the identity source (SCIM, SAML) on whose behalf a membership is granted, kept in the events' metadata. */
    public <R> Mono<Result<R>> send(Object command, Caller caller, String clientIp, String grant) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("actorId", caller.userId());
        meta.put("organizationId", caller.organizationId());
        if (clientIp != null) meta.put("clientIp", clientIp);
        if (grant != null) meta.put("grant", grant);
        return Mono.fromCallable(() -> {
                       R r = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
                       return Result.ok(r);
                   })
                   .subscribeOn(Schedulers.boundedElastic())
                   .onErrorResume(e -> Mono.just(Result.<R>failed(toUserError(e))));
    }

    /** A command's failure as the API answers it: the same reading as the identity services' (one place decides). */
    public static UserError toUserError(Throwable e) {
        return UserError.of(io.labelledger.identity.account.IdentityCommands.refusal(e));
    }

    public record Result<R>(R value, UserError error) {
        static <R> Result<R> ok(R value) { return new Result<>(value, null); }

        static <R> Result<R> failed(UserError error) { return new Result<>(null, error); }

        public boolean ok() { return error == null; }
    }
}
