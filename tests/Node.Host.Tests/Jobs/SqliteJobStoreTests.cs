using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Node.Host.Jobs;
using Node.Host.Jobs.Sqlite;

namespace Node.Host.Tests.Jobs;

/// <summary>The job store contract and the SQLite file's own duties, against a real file in a temporary folder.</summary>
[TestFixture]
public sealed class SqliteJobStoreTests : JobStoreContractTests
{
    private readonly List<SqliteJobStore> _stores = [];

    private string _folder = null!;

    private string DatabasePath => Path.Combine(_folder, "var", "jobs.db");

    [TearDown]
    public void DeleteFolder()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _stores.Clear();
        Directory.Delete(_folder, recursive: true);
    }

    protected override async Task<IJobStore> CreateStoreAsync()
    {
        _folder = Directory.CreateTempSubdirectory("ainode-jobs-").FullName;
        return await OpenAsync();
    }

    [Test]
    [Description("What a call reported is in the file: a new store on the same file, with the pool closed, reads it back.")]
    public async Task Data_survives_closing_and_reopening()
    {
        var outcome = await Store.RecordInstanceAsync(Instance("1.1"), Start);
        await Store.TransitionAsync(outcome.JobId, JobState.Receiving, JobState.Ready, Start + Quiet, outcome: "analysed");
        await Store.AddDeliveriesAsync(outcome.JobId, ["PACS"], [("5.1", "outbox/1/sr.dcm")]);
        CloseAll();

        var reopened = await OpenAsync();

        var job = await reopened.GetJobAsync(outcome.JobId);
        Assert.That(job!.State, Is.EqualTo(JobState.Ready));
        Assert.That(job.Outcome, Is.EqualTo("analysed"));
        Assert.That(await reopened.GetStudyInstancesAsync(Study), Has.Count.EqualTo(1));
        Assert.That(await reopened.GetDeliveriesAsync(outcome.JobId), Has.Count.EqualTo(1));
        Assert.That(await reopened.GetAuditAsync(Study), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task File_is_in_wal_mode_with_schema_version()
    {
        await using var connection = await RawConnectionAsync();

        Assert.That(await ScalarAsync(connection, "PRAGMA journal_mode;"), Is.EqualTo("wal"));
        Assert.That(await ScalarAsync(connection, "PRAGMA user_version;"), Is.EqualTo(1L));
    }

    [Test]
    [Description("A second start on the same file keeps the data and creates nothing twice.")]
    public async Task Initialize_twice_keeps_data()
    {
        var outcome = await Store.RecordInstanceAsync(Instance("1.1"), Start);

        var again = await OpenAsync();

        Assert.That(await again.GetJobAsync(outcome.JobId), Is.Not.Null);
    }

    [Test]
    [Description("A file written by a newer program may hold tables this one would misread.")]
    public async Task Newer_schema_version_is_refused()
    {
        await using (var connection = await RawConnectionAsync())
        {
            await ScalarAsync(connection, "PRAGMA user_version = 2;");
        }

        CloseAll();

        var error = Assert.ThrowsAsync<JobStoreException>(async () => await OpenAsync());

        Assert.That(error!.DatabasePath, Is.EqualTo(DatabasePath));
        Assert.That(error.Message, Does.Contain(DatabasePath).And.Contain("schema version 2"));
    }

    [Test]
    public void File_that_is_not_a_database_is_refused()
    {
        var path = Path.Combine(_folder, "garbage.db");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 8192).Select(index => (byte)(index * 7))]);
        var store = Track(new SqliteJobStore(path, TimeSpan.FromSeconds(1), NullLogger.Instance));

        var error = Assert.ThrowsAsync<JobStoreException>(() => store.InitializeAsync());

        Assert.That(error!.DatabasePath, Is.EqualTo(path));
        Assert.That(error.Message, Does.Contain(path));
        Assert.That(error.InnerException, Is.InstanceOf<SqliteException>());
        Assert.That(error.IsTransient, Is.False);
    }

    [Test]
    [Description("A file damaged while the node was stopped: the next call fails with our exception naming the file, not a bare SqliteException.")]
    public async Task Damaged_file_fails_with_path()
    {
        await Store.RecordInstanceAsync(Instance("1.1"), Start);
        CloseAll();
        await using (var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write))
        {
            await file.WriteAsync(new byte[100]);
        }

        var error = Assert.ThrowsAsync<JobStoreException>(() => Store.GetStudyJobsAsync(Study));

        Assert.That(error!.Message, Does.Contain(DatabasePath));
        Assert.That(error.SqliteErrorCode, Is.Not.Null);
    }

    private async Task<SqliteJobStore> OpenAsync()
    {
        var store = Track(new SqliteJobStore(DatabasePath, TimeSpan.FromSeconds(10), NullLogger.Instance));
        await store.InitializeAsync();
        return store;
    }

    private SqliteJobStore Track(SqliteJobStore store)
    {
        _stores.Add(store);
        return store;
    }

    private void CloseAll()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    private async Task<SqliteConnection> RawConnectionAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
