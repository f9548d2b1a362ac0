using ReflectionWorkshop.Bench;

// Benchmarks, one verb each: `dotnet run -c Release --project tests/ReflectionWorkshop.Bench -- VERB ARGS`.
return args.FirstOrDefault() switch
{
    "themes" => ThemesCommand.Run(args[1..]),
    "themes-assign" => ThemesAssignCommand.Run(args[1..]),
    "themes-speed" => ThemesSpeedCommand.Run(args[1..]),
    "load" => await ReflectionWorkshop.Bench.Load.LoadCommand.RunAsync(args[1..]),
    "crash" => await ReflectionWorkshop.Bench.Load.CrashCommand.RunAsync(args[1..]),
    "rooms" => await ReflectionWorkshop.Bench.Load.RoomsCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ReflectionWorkshop.Bench VERB [ARGS]
          themes FILE [FILE...] [--set NAME=VALUE]  draft themes against hand-made groupings, per file in its room language
          themes-assign FILE [FILE...] [--no-examples]
                                        placement under the file's theme labels (two examples per theme placed by hand)
          themes-speed FILE               model load, memory, and warm time to draft 100/500 answers and to place 500 cards
          load [--url URL] [--participants N] [--seconds S] [--no-build] [--db-folder DIR] [--server-env NAME=VALUE]
                                        a workshop of N phones over loopback (own Release instance without --url)
          rooms [--rooms R] [--participants P] [--seconds S] [--url URL] [--no-build]
                                        a district's day: R rooms of P phones, each with its facilitator, steps at staggered moments
          crash [--participants N] [--no-build]
                                        kill -9 the server during a burst, restart it, check no saved answer is lost or doubled
        """);
    return 2;
}
