using Node.Dicom.Network.StateMachine;

namespace Node.Dicom.Network.Tests.StateMachine;

/// <summary>Every cell of our table against PS3.8 Table 9-10, typed here row by row from the standard.</summary>
[TestFixture]
public sealed class UpperLayerStateTableTests
{
    /// <summary>PS3.8 Table 9-10, one line per event: the action in each state that has one.</summary>
    private static readonly string[] StandardRows =
    [
        "Evt1: Sta1=AE1",
        "Evt2: Sta4=AE2",
        "Evt3: Sta2=AA1 Sta3=AA8 Sta5=AE3 Sta6=AA8 Sta7=AA8 Sta8=AA8 Sta9=AA8 Sta10=AA8 Sta11=AA8 Sta12=AA8 Sta13=AA6",
        "Evt4: Sta2=AA1 Sta3=AA8 Sta5=AE4 Sta6=AA8 Sta7=AA8 Sta8=AA8 Sta9=AA8 Sta10=AA8 Sta11=AA8 Sta12=AA8 Sta13=AA6",
        "Evt5: Sta1=AE5",
        "Evt6: Sta2=AE6 Sta3=AA8 Sta5=AA8 Sta6=AA8 Sta7=AA8 Sta8=AA8 Sta9=AA8 Sta10=AA8 Sta11=AA8 Sta12=AA8 Sta13=AA7",
        "Evt7: Sta3=AE7",
        "Evt8: Sta3=AE8",
        "Evt9: Sta6=DT1 Sta8=AR7",
        "Evt10: Sta2=AA1 Sta3=AA8 Sta5=AA8 Sta6=DT2 Sta7=AR6 Sta8=AA8 Sta9=AA8 Sta10=AA8 Sta11=AA8 Sta12=AA8 Sta13=AA6",
        "Evt11: Sta6=AR1",
        "Evt12: Sta2=AA1 Sta3=AA8 Sta5=AA8 Sta6=AR2 Sta7=AR8 Sta8=AA8 Sta9=AA8 Sta10=AA8 Sta11=AA8 Sta12=AA8 Sta13=AA6",
        "Evt13: Sta2=AA1 Sta3=AA8 Sta5=AA8 Sta6=AA8 Sta7=AR3 Sta8=AA8 Sta9=AA8 Sta10=AR10 Sta11=AR3 Sta12=AA8 Sta13=AA6",
        "Evt14: Sta8=AR4 Sta9=AR9 Sta12=AR4",
        "Evt15: Sta3=AA1 Sta4=AA2 Sta5=AA1 Sta6=AA1 Sta7=AA1 Sta8=AA1 Sta9=AA1 Sta10=AA1 Sta11=AA1 Sta12=AA1",
        "Evt16: Sta2=AA2 Sta3=AA3 Sta5=AA3 Sta6=AA3 Sta7=AA3 Sta8=AA3 Sta9=AA3 Sta10=AA3 Sta11=AA3 Sta12=AA3 Sta13=AA2",
        "Evt17: Sta2=AA5 Sta3=AA4 Sta4=AA4 Sta5=AA4 Sta6=AA4 Sta7=AA4 Sta8=AA4 Sta9=AA4 Sta10=AA4 Sta11=AA4 Sta12=AA4 Sta13=AR5",
        "Evt18: Sta2=AA2 Sta13=AA2",
        "Evt19: Sta2=AA1 Sta3=AA8 Sta5=AA8 Sta6=AA8 Sta7=AA8 Sta8=AA8 Sta9=AA8 Sta10=AA8 Sta11=AA8 Sta12=AA8 Sta13=AA7",
    ];

    private static readonly Dictionary<(UpperLayerState, UpperLayerEvent), UpperLayerAction> Standard = ParseStandard();

    public static IEnumerable<TestCaseData> Cells() =>
        from state in Enum.GetValues<UpperLayerState>()
        from evt in Enum.GetValues<UpperLayerEvent>()
        select new TestCaseData(state, evt).SetName($"Table_{state}_{evt}_matches_standard");

    [TestCaseSource(nameof(Cells))]
    public void Table_cell_matches_standard(UpperLayerState state, UpperLayerEvent evt)
    {
        var ours = UpperLayerStateTable.TryGetAction(state, evt, out var action) ? action : (UpperLayerAction?)null;
        var standard = Standard.TryGetValue((state, evt), out var expected) ? expected : (UpperLayerAction?)null;

        Assert.That(ours, Is.EqualTo(standard));
    }

    private static Dictionary<(UpperLayerState, UpperLayerEvent), UpperLayerAction> ParseStandard()
    {
        var table = new Dictionary<(UpperLayerState, UpperLayerEvent), UpperLayerAction>();
        foreach (var row in StandardRows)
        {
            var (evt, cells) = (Enum.Parse<UpperLayerEvent>(row[..row.IndexOf(':')]), row[(row.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            foreach (var cell in cells)
            {
                var parts = cell.Split('=');
                table[(Enum.Parse<UpperLayerState>(parts[0]), evt)] = Enum.Parse<UpperLayerAction>(parts[1]);
            }
        }

        return table;
    }
}
