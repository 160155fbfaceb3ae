using Microsoft.Extensions.Configuration;
using Node.Host.Configuration;

namespace Node.Host.Tests.Configuration;

/// <summary>Binding and checking the node's settings: every class of invalid setting gives one message that names its key.</summary>
[TestFixture]
public sealed class NodeSettingsTests
{
    [Test]
    public void Empty_configuration_gives_valid_defaults()
    {
        var (settings, errors) = Bind([]);

        Assert.That(errors, Is.Empty);
        Assert.That(settings.Dicom.AeTitle, Is.EqualTo("AINODE"));
        Assert.That(settings.Dicom.Port, Is.EqualTo(11112));
        Assert.That(settings.Storage.Root, Is.EqualTo("var"));
        Assert.That(settings.Web.Url, Is.EqualTo("http://127.0.0.1:8080"));
        Assert.That(settings.Reporting.Language, Is.EqualTo("en"));
    }

    [Test]
    [Description("The repository's appsettings.json lists every default; it must state the same values as the code, or one of them is stale.")]
    public void Repository_appsettings_equals_code_defaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot(), "appsettings.json")).Build();
        var errors = new List<string>();

        var fromFile = NodeSettings.Bind(configuration, errors);
        var (defaults, _) = Bind([]);

        Assert.That(errors, Is.Empty);
        Assert.That(fromFile.ToJson(), Is.EqualTo(defaults.ToJson()));
    }

    [Test]
    public void Unknown_key_is_named_with_known_keys()
    {
        var (_, errors) = Bind(new() { ["StudyAssembly:QuietPeriode"] = "00:00:05" });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("StudyAssembly:QuietPeriode is not a known setting"));
        Assert.That(errors[0], Does.Contain("QuietPeriod"));
    }

    [Test]
    [Description("Contract 3: no bare 'threshold'. A key named so is unknown in every section, so it cannot silently set the wrong one.")]
    public void Bare_threshold_key_is_rejected()
    {
        var (_, errors) = Bind(new() { ["Inference:Threshold"] = "0.5" });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("Inference:Threshold is not a known setting"));
    }

    [Test]
    public void Unknown_key_inside_list_item_is_named()
    {
        var (_, errors) = Bind(new()
        {
            ["Destinations:Peers:0:Name"] = "pacs",
            ["Destinations:Peers:0:Host"] = "127.0.0.1",
            ["Destinations:Peers:0:CalledAeTitle"] = "PACS",
            ["Destinations:Peers:0:AeTitle"] = "PACS",
        });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("Destinations:Peers:0:AeTitle is not a known setting"));
    }

    [Test]
    [Description("Callers are asked for a certificate only where one is required, so a trusted-certificates file alone would turn every caller away: the start stops and says why.")]
    public void Trust_file_without_required_certificate_rejected()
    {
        var folder = Directory.CreateTempSubdirectory("ainode-settings-tls-").FullName;
        try
        {
            var (certificate, key) = TestCertificates.Write(folder, "node", "localhost");
            var (_, errors) = Bind(new()
            {
                ["Dicom:Tls:CertificateFile"] = certificate,
                ["Dicom:Tls:PrivateKeyFile"] = key,
                ["Dicom:Tls:TrustedCertificatesFile"] = certificate,
            });

            Assert.That(errors, Has.Count.EqualTo(1));
            Assert.That(errors[0], Does.StartWith("Dicom:Tls:TrustedCertificatesFile is set while RequireClientCertificate is false"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Listener_certificate_without_key_rejected()
    {
        var (_, errors) = Bind(new() { ["Dicom:Tls:CertificateFile"] = "/etc/ainode/node.pem" });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("Dicom:Tls:CertificateFile and PrivateKeyFile go together"));
    }

    [Test]
    [Description("TLS files named for a destination whose Tls:Enabled is false would be ignored, so the start stops and says how to turn TLS on.")]
    public void Destination_tls_files_without_enabled_rejected()
    {
        var (_, errors) = Bind(new()
        {
            ["Destinations:Peers:0:Name"] = "pacs",
            ["Destinations:Peers:0:Host"] = "127.0.0.1",
            ["Destinations:Peers:0:CalledAeTitle"] = "PACS",
            ["Destinations:Peers:0:Tls:TrustedCertificatesFile"] = "/etc/ainode/pacs-ca.pem",
        });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("Destinations:Peers:0:Tls:Enabled is false"));
        Assert.That(errors[0], Does.Contain("set Enabled to true"));
    }

    [Test]
    public void Destination_certificate_without_key_rejected()
    {
        var (_, errors) = Bind(new()
        {
            ["Destinations:Peers:0:Name"] = "pacs",
            ["Destinations:Peers:0:Host"] = "127.0.0.1",
            ["Destinations:Peers:0:CalledAeTitle"] = "PACS",
            ["Destinations:Peers:0:Tls:Enabled"] = "true",
            ["Destinations:Peers:0:Tls:CertificateFile"] = "/etc/ainode/node.pem",
        });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("Destinations:Peers:0:Tls:CertificateFile and PrivateKeyFile go together"));
    }

    [Test]
    [Description("A trusted-certificates file with no certificate in it is named with its key, as a file that does not exist is.")]
    public void Destination_trust_file_without_certificates_rejected()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a certificate");
            var (_, errors) = Bind(new()
            {
                ["Destinations:Peers:0:Name"] = "pacs",
                ["Destinations:Peers:0:Host"] = "127.0.0.1",
                ["Destinations:Peers:0:CalledAeTitle"] = "PACS",
                ["Destinations:Peers:0:Tls:Enabled"] = "true",
                ["Destinations:Peers:0:Tls:TrustedCertificatesFile"] = file,
            });

            Assert.That(errors, Has.Count.EqualTo(1));
            Assert.That(errors[0], Is.EqualTo($"cannot read Destinations:Peers:0:Tls:TrustedCertificatesFile \"{file}\": it contains no PEM certificate (-----BEGIN CERTIFICATE-----)"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Value_that_does_not_convert_names_key()
    {
        var (_, errors) = Bind(new() { ["Dicom:Port"] = "eleven" });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.Contain("Dicom:Port"));
        Assert.That(errors[0], Does.Contain("eleven"));
    }

    [Test]
    public void Port_out_of_range_names_range()
    {
        var (_, errors) = Bind(new() { ["Dicom:Port"] = "70000" });

        Assert.That(errors, Is.EqualTo(new[] { "Dicom:Port = 70000 is out of range; expected an integer from 1 to 65535." }));
    }

    [Test]
    public void Negative_quiet_period_is_rejected()
    {
        var (_, errors) = Bind(new() { ["StudyAssembly:QuietPeriod"] = "-00:00:01" });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("StudyAssembly:QuietPeriod = -00:00:01 is out of range"));
    }

    [Test]
    public void Unknown_report_language_is_rejected()
    {
        var (_, errors) = Bind(new() { ["Reporting:Language"] = "de" });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("Reporting:Language = \"de\" is invalid"));
    }

    [Test]
    public void Duplicate_destination_names_are_rejected()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < 2; i++)
        {
            settings[$"Destinations:Peers:{i}:Name"] = "pacs";
            settings[$"Destinations:Peers:{i}:Host"] = "127.0.0.1";
            settings[$"Destinations:Peers:{i}:CalledAeTitle"] = "PACS";
        }

        var (_, errors) = Bind(settings);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.Contain("\"pacs\" is used by more than one destination"));
    }

    [Test]
    public void Retry_delays_must_be_ordered()
    {
        var (_, errors) = Bind(new() { ["Destinations:RetryBaseDelay"] = "00:01:00", ["Destinations:RetryMaxDelay"] = "00:00:10" });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("Destinations:RetryMaxDelay = 00:00:10 is shorter than Destinations:RetryBaseDelay"));
    }

    [Test]
    public void Invalid_allowed_caller_address_is_named()
    {
        var (_, errors) = Bind(new() { ["Dicom:AllowedCallers:0:AeTitle"] = "PACS", ["Dicom:AllowedCallers:0:Addresses:0"] = "pacs.local" });

        Assert.That(errors, Is.EqualTo(new[] { "Dicom:AllowedCallers:0:Addresses:0 = \"pacs.local\" is not an IP address." }));
    }

    [Test]
    public void Every_problem_gets_its_own_message()
    {
        var (_, errors) = Bind(new()
        {
            ["Dicom:AeTitle"] = "A_TITLE_LONGER_THAN_16",
            ["Storage:Root"] = " ",
            ["Inference:BatchSize"] = "0",
            ["Web:Url"] = "https://0.0.0.0:8080/dashboard",
        });

        Assert.That(errors, Has.Count.EqualTo(4));
        Assert.That(errors, Has.Some.StartsWith("Dicom:AeTitle"));
        Assert.That(errors, Has.Some.StartsWith("Storage:Root"));
        Assert.That(errors, Has.Some.StartsWith("Inference:BatchSize"));
        Assert.That(errors, Has.Some.StartsWith("Web:Url"));
    }

    private static (NodeSettings Settings, List<string> Errors) Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var errors = new List<string>();
        var settings = NodeSettings.Bind(configuration, errors);
        return (settings, errors);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Node.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException($"No Node.sln above {AppContext.BaseDirectory}.");
    }
}
