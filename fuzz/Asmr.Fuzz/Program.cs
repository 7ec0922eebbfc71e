using Asmr.Decoder.Files;
using SharpFuzz;

namespace Asmr.Fuzz;

/// <summary>
/// AFL++ entry point: feeds each input to <see cref="UntrustedFileCheck"/>. Only the documented exceptions are
/// caught; any other exception (or a hang, or running out of memory) is a crash AFL records.
/// With ASMR_FUZZ_REPAIR_CRC=1 every CRC is rewritten first (<see cref="CrcRepair"/>), so mutations reach the
/// parsers behind the CRC checks. <c>--repair-crc IN OUT</c> writes the repaired form of a finding, which is the
/// file to keep in fuzz/regressions.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "--repair-crc")
        {
            byte[] file = File.ReadAllBytes(args[1]);
            CrcRepair.Repair(file);
            File.WriteAllBytes(args[2], file);
            return 0;
        }

        bool repair = Environment.GetEnvironmentVariable("ASMR_FUZZ_REPAIR_CRC") == "1";
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            byte[] bytes = copy.ToArray();
            if (repair)
            {
                CrcRepair.Repair(bytes);
            }

            try
            {
                UntrustedFileCheck.Run(bytes);
            }
            catch (InvalidDataException)
            {
            }
            catch (NotSupportedException)
            {
            }
        });
        return 0;
    }
}
