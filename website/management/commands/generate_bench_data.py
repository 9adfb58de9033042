from django.core.management.base import BaseCommand, CommandError

from bench.benchdata import generate_bench_data


class Command(BaseCommand):
    help = (
        "Write synthetic articles, people, organizations, events, links and tags at scale for benchmarks "
        "(--articles 100000). Adds to the database; use a database of its own, never production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=100_000, help="How many articles (default 100000)."
        )
        parser.add_argument("--seed", type=int, default=5, help="Random seed, for the same data every time.")

    def handle(self, *args, articles: int, seed: int, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1.")

        def step(label: str) -> None:
            if options.get("verbosity", 1) > 0:
                self.stderr.write(f"Writing {label}…")

        report = generate_bench_data(articles=articles, seed=seed, progress=step)
        self.stdout.write(self.style.SUCCESS(report.summary()))
