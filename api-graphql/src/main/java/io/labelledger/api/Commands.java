package io.labelledger.api;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.NotFound;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Sends commands with the caller's metadata (actor, organization, client IP) that every resulting event carries.
 * The command bus and JDBC block, so dispatch happens on boundedElastic, never on a Netty event-loop thread.
 * Domain refusals come back as {@link Result#error()}; anything else is an internal error.
 */
public class Commands {
    private static final Logger log = LoggerFactory.getLogger(Commands.class);
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

    public static UserError toUserError(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof DomainException d) return UserError.of(d);
        if (t instanceof AggregateNotFoundException) return UserError.of(new NotFound("Object", "id"));
        // still racing another command on the same object after the gateway's retries: the caller may simply retry
        if (t instanceof org.axonframework.modelling.command.ConcurrencyException) {
            return UserError.of(ErrorCode.CONFLICT, null, "Someone changed this at the same moment; try again");
        }
        if (t instanceof IllegalArgumentException) return UserError.of(ErrorCode.VALIDATION, null, t.getMessage());
        if (Busy.is(t)) return UserError.of(ErrorCode.UNAVAILABLE, null, Busy.MESSAGE); // retryable (issue 9)
        log.error("Command failed", t);
        throw new IllegalStateException("Internal error"); // turned into a generic GraphQL error, no details leak
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof CommandExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public record Result<R>(R value, UserError error) {
        static <R> Result<R> ok(R value) { return new Result<>(value, null); }

        static <R> Result<R> failed(UserError error) { return new Result<>(null, error); }

        public boolean ok() { return error == null; }
    }
}
