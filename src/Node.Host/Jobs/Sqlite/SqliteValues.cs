using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Node.Host.Jobs.Sqlite;

/// <summary>Converts between the store's records and SQLite column values, and reads rows into records.</summary>
internal static class SqliteValues
{
    /// <summary>ISO 8601 in UTC with 100 ns ticks, so text order is time order and a value reads back unchanged.</summary>
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The columns <see cref="ReadJob"/> expects, in order.</summary>
    public const string JobColumns =
        "id, study_instance_uid, state, attempts, created_at, updated_at, last_instance_at, supersedes_job_id, outcome, outbox_folder, last_error, instance_count, duplicate_count";

    /// <summary>The columns <see cref="ReadInstance"/> expects, in order.</summary>
    public const string InstanceColumns =
        "job_id, sop_instance_uid, series_instance_uid, sop_class_uid, transfer_syntax_uid, relative_path, received_at";

    /// <summary>The columns <see cref="ReadDelivery"/> expects, in order.</summary>
    public const string DeliveryColumns =
        "job_id, destination, sop_instance_uid, relative_path, state, attempts, last_error, delivered_at";

    /// <summary>The columns <see cref="ReadAudit"/> expects, in order.</summary>
    public const string AuditColumns = "at, action, study_instance_uid, job_id, peer, detail";

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        new(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static Job ReadJob(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetString(1),
        Enum.Parse<JobState>(row.GetString(2)),
        row.GetInt32(3),
        ParseTime(row.GetString(4)),
        ParseTime(row.GetString(5)),
        ParseTime(row.GetString(6)),
        row.IsDBNull(7) ? null : row.GetInt64(7),
        NullableString(row, 8),
        NullableString(row, 9),
        NullableString(row, 10),
        row.GetInt32(11),
        row.GetInt32(12));

    public static StoredInstance ReadInstance(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        row.GetString(5),
        ParseTime(row.GetString(6)));

    public static Delivery ReadDelivery(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        Enum.Parse<DeliveryState>(row.GetString(4)),
        row.GetInt32(5),
        NullableString(row, 6),
        row.IsDBNull(7) ? null : ParseTime(row.GetString(7)));

    public static AuditEntry ReadAudit(SqliteDataReader row) => new(
        ParseTime(row.GetString(0)),
        row.GetString(1),
        row.GetString(2),
        row.IsDBNull(3) ? null : row.GetInt64(3),
        row.GetString(4),
        row.GetString(5));

    private static string? NullableString(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
