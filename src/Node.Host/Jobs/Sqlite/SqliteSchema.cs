namespace Node.Host.Jobs.Sqlite;

/// <summary>
/// The job store's tables. The schema version lives in SQLite's <c>user_version</c> pragma: 0 is a
/// new, empty file; each change of the tables adds one and a migration step from the version before.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The version this program creates and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>
    /// Version 1. Times are ISO 8601 UTC text with seven fractional digits (see <see cref="SqliteValues"/>),
    /// which sorts and compares as the instants do; states are the enum names. Job ids grow with
    /// creation, so "oldest first" is "by id". The audit table's job id has no foreign key, so audit
    /// lines outlive any job removed later.
    /// </summary>
    public const string CreateVersion1 = """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            study_instance_uid TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            last_instance_at TEXT NOT NULL,
            supersedes_job_id INTEGER NULL REFERENCES jobs (id),
            outcome TEXT NULL,
            outbox_folder TEXT NULL,
            last_error TEXT NULL,
            instance_count INTEGER NOT NULL DEFAULT 0,
            duplicate_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX jobs_by_study ON jobs (study_instance_uid, id);
        CREATE INDEX jobs_by_state ON jobs (state, id);

        CREATE TABLE instances (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id INTEGER NOT NULL REFERENCES jobs (id),
            study_instance_uid TEXT NOT NULL,
            series_instance_uid TEXT NOT NULL,
            sop_class_uid TEXT NOT NULL,
            sop_instance_uid TEXT NOT NULL,
            transfer_syntax_uid TEXT NOT NULL,
            relative_path TEXT NOT NULL,
            length INTEGER NOT NULL,
            calling_ae_title TEXT NOT NULL,
            peer_address TEXT NOT NULL,
            association_id TEXT NOT NULL,
            received_at TEXT NOT NULL,
            UNIQUE (study_instance_uid, sop_instance_uid)
        );
        CREATE INDEX instances_by_job ON instances (job_id);

        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id INTEGER NOT NULL REFERENCES jobs (id),
            destination TEXT NOT NULL,
            sop_instance_uid TEXT NOT NULL,
            relative_path TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NULL,
            delivered_at TEXT NULL,
            UNIQUE (job_id, destination, sop_instance_uid)
        );

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            study_instance_uid TEXT NOT NULL,
            job_id INTEGER NULL,
            peer TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX audit_by_study ON audit (study_instance_uid, id);
        """;
}
