package io.registry.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker's view of the open transactions, for a failure message: every transaction the coordinators know
 * (state, partitions) and every producer with an open transaction on any partition, internal topics included.
 */
final class OpenTransactions {
    private OpenTransactions() {
    }

    /** Returns as soon as the broker reports an ongoing transaction, or after {@code timeoutMs} (bounded). */
    static boolean awaitOngoing(String bootstrap, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var ongoing = new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING));
            while (System.currentTimeMillis() < deadline) {
                if (!admin.listTransactions(ongoing).all().get(10, TimeUnit.SECONDS).isEmpty()) {
                    return true;
                }
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }

    static String describe(String bootstrap) {
        StringBuilder out = new StringBuilder();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000))) {
            List<String> ids = admin.listTransactions().all().get(20, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId).toList();
            admin.describeTransactions(ids).all().get(20, TimeUnit.SECONDS)
                    .forEach((id, d) -> out.append("\n  ").append(id).append(": ").append(d));
            List<TopicPartition> partitions = new ArrayList<>();
            var topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .listings().get(20, TimeUnit.SECONDS).stream().map(TopicListing::name).toList();
            admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            admin.describeProducers(partitions).all().get(20, TimeUnit.SECONDS).forEach((tp, producers) ->
                    producers.activeProducers().stream().filter(p -> p.currentTransactionStartOffset().isPresent())
                            .forEach(p -> out.append("\n  open on ").append(tp).append(": ").append(p)));
        } catch (Exception e) {
            out.append("\n  (could not describe: ").append(e).append(')');
        }
        return out.toString();
    }
}
