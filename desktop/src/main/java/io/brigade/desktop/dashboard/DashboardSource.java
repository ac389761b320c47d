package io.brigade.desktop.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.protocol.Data;
import io.brigade.protocol.analytics.AnalyticsSummary;
import io.brigade.protocol.analytics.ConversionFunnel;
import io.brigade.protocol.analytics.DailyTrend;
import io.brigade.protocol.analytics.IngredientUsage;
import io.brigade.protocol.analytics.OptionPopularity;
import io.brigade.protocol.analytics.Profitability;
import io.brigade.protocol.jobs.Job;
import io.brigade.protocol.jobs.JobRequest;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import java.io.IOException;
import java.util.List;

/** The dashboard's reads and the canonical export job, as the signed-in manager, over the back office. */
public final class DashboardSource {
    static final String EXPORT_JOB = "analytics-export";
    private final BackOfficeClient client;

    public DashboardSource(BackOfficeClient client) {
        this.client = client;
    }

    public List<Property> properties() throws IOException {
        return client.get("properties", new TypeReference<Data<List<Property>>>() { }).data();
    }

    public List<SalesChannel> channels() throws IOException {
        return client.get("salesChannels", new TypeReference<Data<List<SalesChannel>>>() { }).data();
    }

    /** Reads the views the screen shows; the first refusal (e.g. 403 for the plan) ends the load. */
    public DashboardData load(DashboardFilter filter, String currency) throws IOException {
        String q = "?" + filter.query();
        AnalyticsSummary summary = client.get("analytics/summary" + q, AnalyticsSummary.class);
        return new DashboardData(filter, currency, summary,
                client.get("analytics/daily" + q, DailyTrend.class),
                client.get("analytics/profitability" + q, Profitability.class),
                client.get("analytics/funnel" + q, ConversionFunnel.class),
                client.get("analytics/options" + q, OptionPopularity.class),
                client.get("analytics/ingredients" + q, IngredientUsage.class));
    }

    /** Starts the canonical export ({@code analytics-export} job) for the filter's range, property and channel. */
    public Job startExport(DashboardFilter filter) throws IOException {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("fromDate", filter.fromDate().toString());
        p.put("toDate", filter.toDate().toString());
        if (filter.propertyId() != null) {
            p.put("propertyId", filter.propertyId());
        }
        if (filter.salesChannelId() != null) {
            p.put("salesChannelId", filter.salesChannelId());
        }
        return client.post("jobs", new JobRequest(EXPORT_JOB, p, null), Job.class);
    }

    public Job job(String jobId) throws IOException {
        return client.get("jobs/" + jobId, Job.class);
    }

    /** Saves the job's result to {@code target}: its one file, or a zip of its files (the export writes five CSVs). */
    public long saveResult(String jobId, java.nio.file.Path target) throws IOException {
        return client.downloadTo("jobs/" + jobId + "/result", target);
    }
}
