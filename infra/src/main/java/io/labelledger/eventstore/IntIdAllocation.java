package io.labelledger.eventstore;

import io.labelledger.shared.NeedsIntIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Gives the commands that create projects, tasks, annotations and predictions their integer ids from the
 * installation's sequence {@code ll_int_id} (ADR 0050), on the command gateway before dispatch: one round trip per
 * command however many it needs (an import batch numbers its tasks, predictions and annotations at once). The gateway
 * retries the intercepted message, so a retried command keeps its numbers; a rolled-back one leaves a gap, as Label
 * Studio's ids have.
 */
public class IntIdAllocation implements MessageDispatchInterceptor<CommandMessage<?>> {
    private final JdbcTemplate jdbc;

    public IntIdAllocation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> message.getPayload() instanceof NeedsIntIds command && command.intIdsNeeded() > 0
                ? numbered(message, command) : message;
    }

    private CommandMessage<?> numbered(CommandMessage<?> message, NeedsIntIds command) {
        List<Long> ids = jdbc.queryForList("SELECT nextval('ll_int_id') FROM generate_series(1, ?)", Long.class, command.intIdsNeeded());
        Object payload = command.withIntIds(ids.stream().mapToLong(Long::longValue).iterator());
        return new GenericCommandMessage<>(new GenericMessage<>(message.getIdentifier(), payload, message.getMetaData()),
                message.getCommandName());
    }
}
