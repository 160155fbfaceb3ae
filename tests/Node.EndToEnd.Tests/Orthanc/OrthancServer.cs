using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Node.EndToEnd.Tests.Orthanc;

/// <summary>
/// Orthanc from Debian's <c>orthanc</c> package, started from its binary (never the packaged
/// service) with a configuration written into a temporary folder: its own storage and index,
/// free ports, no plugins, HTTP for local callers only, and the node declared as the modality
/// <c>ainode</c>. Driven through its REST API on 127.0.0.1.
/// </summary>
/// <remarks>
/// Orthanc 1.10 binds its DICOM and HTTP ports on every address and has no setting to bind one.
/// The tests run it without a private network namespace, since the node and the test's HTTP
/// client would have to join that namespace too; instead every call goes to 127.0.0.1, HTTP
/// refuses remote callers (<c>RemoteAccessAllowed</c> false), and the DICOM side accepts C-STORE
/// and C-ECHO only from the declared modality, checked by AE title and by host 127.0.0.1.
/// </remarks>
internal sealed class OrthancServer : IDisposable
{
    public const string AeTitle = "ORTHANC";

    /// <summary>The node's name in Orthanc's <c>DicomModalities</c>, used in <c>/modalities/{name}/store</c>.</summary>
    public const string NodeModality = "ainode";

    /// <summary>Orthanc's binary from Debian's <c>orthanc</c> package; it is started directly, never as the packaged service.</summary>
    private const string OrthancBinary = "/usr/sbin/Orthanc";

    /// <summary>Longest one Orthanc may run before it is killed by PID.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>Longest one REST call may take; a C-STORE to the node is synchronous and may take a few seconds.</summary>
    private static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(120);

    private readonly BackgroundProcess _process;
    private readonly HttpClient _http;

    private OrthancServer(BackgroundProcess process, int httpPort, int dicomPort)
    {
        _process = process;
        DicomPort = dicomPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = RequestLimit };
    }

    /// <summary>Orthanc's DICOM port, where the node sends its reports.</summary>
    public int DicomPort { get; }

    public string Output => _process.Output;

    /// <summary>Writes the configuration into <paramref name="folder"/>, starts Orthanc and waits until its REST API responds.</summary>
    public static async Task<OrthancServer> StartAsync(string folder, int nodePort)
    {
        var binary = Peers.RequirePath(OrthancBinary, "orthanc");
        var httpPort = LoopbackPorts.FindFree();
        var dicomPort = LoopbackPorts.FindFree();
        var configuration = Path.Combine(folder, "orthanc.json");
        File.WriteAllText(configuration, Configuration(folder, httpPort, dicomPort, nodePort).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var start = new ProcessStartInfo(binary) { WorkingDirectory = folder };
        start.ArgumentList.Add(configuration);
        var server = new OrthancServer(BackgroundProcess.Start(start, Limit), httpPort, dicomPort);
        await server._process.WaitForPortAsync(httpPort);
        await server.WaitForDicomAsync();
        return server;
    }

    /// <summary>Uploads one DICOM file with <c>POST /instances</c>; returns the Orthanc id of its study.</summary>
    public async Task<string> UploadAsync(string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        using var response = await _http.PostAsync("instances", content);
        var body = await ReadSuccessAsync(response, $"POST /instances {path}");
        return body["ParentStudy"]!.GetValue<string>();
    }

    /// <summary>Sends a study to the node with Orthanc's own C-STORE (<c>POST /modalities/ainode/store</c>), as a PACS routes a study; returns when Orthanc's job ends.</summary>
    public async Task StoreToNodeAsync(string studyId)
    {
        var request = new JsonObject { ["Resources"] = new JsonArray(studyId), ["Synchronous"] = true };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"modalities/{NodeModality}/store", content);
        await ReadSuccessAsync(response, $"POST /modalities/{NodeModality}/store {studyId}");
    }

    /// <summary>The study with <paramref name="studyInstanceUid"/>, or null where Orthanc stores none.</summary>
    public async Task<OrthancStudy?> FindStudyAsync(string studyInstanceUid)
    {
        using var content = new StringContent(studyInstanceUid, Encoding.ASCII, "text/plain");
        using var response = await _http.PostAsync("tools/lookup", content);
        var matches = (await ReadSuccessAsync(response, $"POST /tools/lookup {studyInstanceUid}")).AsArray();
        var id = matches.Select(match => match!).FirstOrDefault(match => match["Type"]!.GetValue<string>() == "Study")?["ID"]!.GetValue<string>();
        return id is null ? null : await GetStudyAsync(id);
    }

    /// <summary><c>GET /studies/{id}</c>: the study's UID and its patient's ID.</summary>
    public async Task<OrthancStudy> GetStudyAsync(string studyId)
    {
        var study = await GetJsonAsync($"studies/{studyId}");
        return new OrthancStudy(
            studyId,
            study["MainDicomTags"]!["StudyInstanceUID"]!.GetValue<string>(),
            study["PatientMainDicomTags"]!["PatientID"]?.GetValue<string>() ?? string.Empty);
    }

    /// <summary><c>GET /studies/{id}/series</c>: every series Orthanc filed under the study.</summary>
    public async Task<IReadOnlyList<OrthancSeries>> GetSeriesAsync(string studyId)
    {
        var series = (await GetJsonAsync($"studies/{studyId}/series")).AsArray();
        return [.. series.Select(item => new OrthancSeries(
            item!["ID"]!.GetValue<string>(),
            item["MainDicomTags"]!["Modality"]?.GetValue<string>() ?? string.Empty,
            item["MainDicomTags"]!["SeriesInstanceUID"]!.GetValue<string>(),
            [.. item["Instances"]!.AsArray().Select(instance => instance!.GetValue<string>())]))];
    }

    /// <summary><c>GET /instances/{id}/file</c>: the instance as Orthanc stored it, a Part 10 file.</summary>
    public Task<byte[]> GetInstanceFileAsync(string instanceId) => GetBytesAsync($"instances/{instanceId}/file");

    /// <summary><c>GET /instances/{id}/preview</c>: Orthanc's own rendering of the first frame as PNG.</summary>
    public Task<byte[]> GetPreviewAsync(string instanceId) => GetBytesAsync($"instances/{instanceId}/preview");

    /// <summary>Kills Orthanc by its PID.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _process.Dispose();
    }

    /// <summary>
    /// The configuration: storage and index under <paramref name="folder"/>, the given ports, no
    /// plugins, no authentication but no remote HTTP callers, and C-STORE and C-ECHO accepted only
    /// from the node (AE AINODE on 127.0.0.1).
    /// </summary>
    private static JsonObject Configuration(string folder, int httpPort, int dicomPort, int nodePort) => new()
    {
        ["Name"] = "ainode-end-to-end",
        ["StorageDirectory"] = Path.Combine(folder, "storage"),
        ["IndexDirectory"] = Path.Combine(folder, "index"),
        ["Plugins"] = new JsonArray(),
        ["HttpServerEnabled"] = true,
        ["HttpPort"] = httpPort,
        ["RemoteAccessAllowed"] = false,
        ["AuthenticationEnabled"] = false,
        ["DicomServerEnabled"] = true,
        ["DicomAet"] = AeTitle,
        ["DicomPort"] = dicomPort,
        ["DicomCheckCalledAet"] = false,
        ["DicomAlwaysAllowEcho"] = false,
        ["DicomAlwaysAllowStore"] = false,
        ["DicomCheckModalityHost"] = true,
        ["DicomModalities"] = new JsonObject
        {
            [NodeModality] = new JsonArray("AINODE", "127.0.0.1", nodePort),
        },
    };

    /// <summary>Waits until the DICOM port listens as well, so that the node's first delivery finds it.</summary>
    private Task WaitForDicomAsync() => _process.WaitForPortAsync(DicomPort);

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return await ReadSuccessAsync(response, $"GET /{path}");
    }

    private async Task<byte[]> GetBytesAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET /{path}: HTTP {(int)response.StatusCode}");
        return body;
    }

    /// <summary>Fails the test with Orthanc's response where the call did not succeed; else parses the JSON body.</summary>
    private async Task<JsonNode> ReadSuccessAsync(HttpResponseMessage response, string call)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{call}: HTTP {(int)response.StatusCode} {body}\nOrthanc's output:\n{Output}"));
        }

        return JsonNode.Parse(body)!;
    }
}
