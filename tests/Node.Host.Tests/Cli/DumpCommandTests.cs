using System.Text.Json;

namespace Node.Host.Tests.Cli;

[TestFixture]
public sealed class DumpCommandTests
{
    [Test]
    public void Dump_prints_elements_with_keywords()
    {
        var result = Ainode.Run("dump", Peers.PydicomSample("CT_small.dcm"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output, Does.Contain("(0010,0010)"));
        Assert.That(result.Output, Does.Contain("PatientName"));
        Assert.That(result.Output, Does.Contain("CompressedSamples^CT1"));
    }

    [Test]
    public void Dump_json_prints_DICOM_JSON_model()
    {
        var result = Ainode.Run("dump", Peers.PydicomSample("CT_small.dcm"), "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var patientName = json.RootElement.GetProperty("00100010");
        Assert.That(patientName.GetProperty("vr").GetString(), Is.EqualTo("PN"));
        Assert.That(patientName.GetProperty("Value")[0].GetProperty("Alphabetic").GetString(), Is.EqualTo("CompressedSamples^CT1"));
    }

    [Test]
    public void Dump_stops_before_pixel_data_on_request()
    {
        var result = Ainode.Run("dump", Peers.PydicomSample("CT_small.dcm"), "--stop-before-pixel-data");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output.Split('\n'), Has.None.StartsWith("(7FE0,0010)"));
        Assert.That(result.Output, Does.Contain("Stopped before Pixel Data"));
    }

    [Test]
    public void Dump_reports_malformed_file_in_one_line()
    {
        var path = Peers.PydicomSample("MR_truncated.dcm");

        var result = Ainode.Run("dump", path);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.StartWith($"ainode: cannot read {path}: "));
        Assert.That(result.Error, Does.Contain("offset"));
    }

    [Test]
    public void Dump_of_folder_is_rejected()
    {
        var folder = Path.GetTempPath();

        var result = Ainode.Run("dump", folder);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Is.EqualTo($"ainode: cannot read {folder}: it is a folder, and dump reads one DICOM file\n"));
    }

    [Test]
    public void Dump_reports_missing_file()
    {
        var result = Ainode.Run("dump", "/nonexistent/file.dcm");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("/nonexistent/file.dcm"));
    }

    [Test]
    public void Dump_without_file_is_usage_error()
    {
        var result = Ainode.Run("dump");

        Assert.That(result.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Help_lists_serve_and_tools()
    {
        var result = Ainode.Run("--help");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Output, Does.Contain("serve"));
        Assert.That(result.Output, Does.Contain("dump"));
        Assert.That(result.Output, Does.Contain("--settings"));
    }
}
