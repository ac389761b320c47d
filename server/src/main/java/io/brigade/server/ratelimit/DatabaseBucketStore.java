package io.brigade.server.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import javax.sql.DataSource;

/**
 * Buckets in PostgreSQL's {@code rate_limit_buckets} table through Bucket4j's SELECT ... FOR UPDATE
 * proxy manager, so every server node draws on the same quota. Costs one short transaction per check.
 */
public final class DatabaseBucketStore implements BucketStore {
    private final ProxyManager<String> proxies;

    public DatabaseBucketStore(DataSource dataSource, TimeMeter time) {
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .clientClock(time)
                .build();
    }

    @Override
    public Bucket bucket(RateLimitPolicy policy, String subject) {
        return proxies.getProxy(policy.name() + ':' + subject, policy::configuration);
    }
}
