"""Train the shipped Indonesian and English dependency parsers from the staged UD treebanks.

Every staged file of a language is training data (the official train files of GSD and EWT are
not staged, so their dev/test files are used instead). Three parts, each a pure function of the
sentence id: 'measure' (`warta.split.part_of(sent_id, 0.15)`) is held out and only ever
scored; of the rest, a fixed tenth ('dev', hashed with a different key) picks the best checkpoint
and stops training early; the remainder trains. The pipeline is a small CNN tok2vec shared by a
morphologizer (UPOS and features straight into `token.pos`/`token.morph`, no attribute ruler) and
a transition-based parser: a few MB per model, CPU-fast, and deterministic for a fixed seed on a
single thread, so `warta train parser` rebuilds the shipped model.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from warta.errors import InputError
from warta.split import part_of
from warta.syntax.conllu import Sentence, read_treebanks, to_doc

MEASURE_SHARE = 0.15
DEV_SHARE = 0.1  # of the non-measure sentences
MODEL_VERSION = "1.0.0"

# Treebank files per language and what the LICENSE-DATA.md beside each model cites.
TREEBANKS: dict[str, tuple[str, ...]] = {
    "id": ("id_gsd-ud-dev.conllu.gz", "id_gsd-ud-test.conllu.gz", "id_csui-ud-train.conllu.gz",
           "id_csui-ud-test.conllu.gz", "id_pud-ud-test.conllu.gz"),
    "en": ("en_ewt-ud-dev.conllu.gz", "en_ewt-ud-test.conllu.gz", "en_pud-ud-test.conllu.gz"),
}

CONFIG = """
[paths]
train = null
dev = null

[system]
gpu_allocator = null
seed = 0

[nlp]
lang = "{lang}"
pipeline = ["tok2vec","morphologizer","parser"]
batch_size = 256
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [{rows},{rows_small},{rows_small},{rows_small}]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[components.morphologizer]
factory = "morphologizer"
extend = false
overwrite = true

[components.morphologizer.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[components.morphologizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"

[components.parser]
factory = "parser"
learn_tokens = false
min_action_freq = {min_action_freq}
update_with_oracle_cut_size = 100

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.parser.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = true
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = true
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = {dropout}
accumulate_gradient = 1
patience = {patience}
max_epochs = {max_epochs}
max_steps = {max_steps}
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
dep_las = 0.6
dep_uas = 0.2
pos_acc = 0.2
morph_acc = 0.0
morph_per_feat = null
dep_las_per_type = null
sents_p = null
sents_r = null
sents_f = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


@dataclass(frozen=True)
class TrainOptions:
    """How to train; the defaults build the shipped models."""

    width: int = 96
    depth: int = 4
    rows: int = 5000
    hidden: int = 64
    dropout: float = 0.2
    max_epochs: int = 0
    max_steps: int = 6000
    patience: int = 1600
    eval_frequency: int = 200
    min_action_freq: int = 2  # keep rare relations: with a few thousand sentences, 30 drops many
    seed: int = 0

    def config(self, lang: str) -> str:
        text = CONFIG.format(lang=lang, width=self.width, depth=self.depth, rows=self.rows,
                             rows_small=self.rows // 2, hidden=self.hidden, dropout=self.dropout,
                             max_epochs=self.max_epochs, max_steps=self.max_steps, patience=self.patience,
                             eval_frequency=self.eval_frequency, min_action_freq=self.min_action_freq)
        return text.replace("seed = 0", f"seed = {self.seed}", 1)


# The shipped models: `max_steps` is where each run was stopped (the dev score had levelled off);
# training is deterministic, so the same options rebuild the same weights.
DEFAULT_OPTIONS: dict[str, TrainOptions] = {
    "id": TrainOptions(max_steps=5000),  # best dev score at 5000 of a run stopped at 5200
    "en": TrainOptions(max_steps=5600),  # best at 5600; that run went on to 7200 without improving
}


@dataclass
class TrainReport:
    lang: str
    path: str
    sentences: dict[str, int] = field(default_factory=dict)  # per part: train, dev, measure
    tokens: dict[str, int] = field(default_factory=dict)
    treebank_sha256: dict[str, str] = field(default_factory=dict)
    cpu_seconds: float = 0.0  # of the training process (data, training loop), not wall time
    model_bytes: int = 0
    measure: dict[str, float | int] = field(default_factory=dict)


def split_part(sent_id: str) -> str:
    """'measure' (held out, only scored), 'dev' (early stopping) or 'train', fixed by the id."""
    if part_of(sent_id, MEASURE_SHARE) == "measure":
        return "measure"
    return "dev" if part_of("syntax-dev:" + sent_id, DEV_SHARE) == "measure" else "train"


def treebank_paths(data: Path, lang: str) -> list[Path]:
    """The staged treebank files of `lang` under `data` (the `ud` folder); all must exist."""
    if lang not in TREEBANKS:
        raise InputError(f"no treebanks for language {lang!r} (have: {', '.join(TREEBANKS)})")
    paths = [data / name for name in TREEBANKS[lang]]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise InputError(f"treebank file(s) not found: {', '.join(missing)}")
    return paths


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_parts(data: Path, lang: str) -> dict[str, list[Sentence]]:
    """The language's sentences (warta tokens) by part: train, dev, measure."""
    parts: dict[str, list[Sentence]] = {"train": [], "dev": [], "measure": []}
    for sentence in read_treebanks(treebank_paths(data, lang)):
        parts[split_part(sentence.sent_id)].append(sentence)
    return parts


def train_parser(data: Path, lang: str, out: Path, options: TrainOptions | None = None,
                 progress: Callable[[str], None] | None = None) -> TrainReport:
    """Train the `lang` parser on `data` (the UD folder) and write the model folder to `out`.

    `out` is replaced as a whole (it holds only the model and its LICENSE-DATA.md, which is kept).
    """
    options = options or DEFAULT_OPTIONS.get(lang, TrainOptions())
    say = progress or (lambda _line: None)
    paths = treebank_paths(data, lang)
    report = TrainReport(lang=lang, path=str(out),
                         treebank_sha256={p.name: file_sha256(p) for p in paths})
    parts = load_parts(data, lang)
    for name, sentences in parts.items():
        report.sentences[name] = len(sentences)
        report.tokens[name] = sum(len(s.words) for s in sentences)
    say(f"{lang}: sentences {report.sentences}, tokens {report.tokens}")
    began = time.process_time()
    with tempfile.TemporaryDirectory(prefix="warta-parser-") as tmp:
        best = _fit(parts, lang, options, Path(tmp), say)
        report.cpu_seconds = round(time.process_time() - began, 1)
        finish_model(best, out, report, parts["measure"], options, say)
    return report


def _fit(parts: dict[str, list[Sentence]], lang: str, options: TrainOptions, work: Path,
         say: Callable[[str], None]) -> Path:
    """Run spaCy's training loop in `work`; the best checkpoint's folder (by dev score)."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from thinc.api import fix_random_seed

    vocab = spacy.blank(lang).vocab
    for name in ("train", "dev"):
        DocBin(docs=(to_doc(vocab, s) for s in parts[name]), store_user_data=False).to_disk(
            work / f"{name}.spacy")
    config = spacy.util.load_config_from_str(options.config(lang), interpolate=False)
    config = config.merge({"paths": {"train": str(work / "train.spacy"), "dev": str(work / "dev.spacy")}})
    fix_random_seed(options.seed)
    nlp = init_nlp(config)
    (work / "output").mkdir()
    train_loop(nlp, work / "output", stdout=_Writer(say), stderr=_Writer(say))
    return work / "output" / "model-best"


def finish_model(best: Path, out: Path, report: TrainReport, measure: list[Sentence], options: TrainOptions,
                 say: Callable[[str], None]) -> None:
    """Score the checkpoint `best` on the held-out part, stamp its meta and write it to `out`."""
    import spacy

    from warta.syntax.evaluate import score

    nlp = spacy.load(best)
    report.measure = score(nlp, measure).as_dict()
    say(f"{report.lang}: held-out {report.measure}")
    nlp.meta.update({
        "name": f"warta_parser_{report.lang}", "version": MODEL_VERSION,
        "description": f"warta dependency parser ({report.lang}): UD treebanks re-cut to warta tokens",
        "license": "CC BY-SA 4.0 (derived from UD treebanks; see LICENSE-DATA.md)",
        "sources": [{"name": name, "sha256": digest} for name, digest in report.treebank_sha256.items()],
        "warta": {"split": {"measure_share": MEASURE_SHARE, "dev_share": DEV_SHARE},
                  "sentences": report.sentences, "tokens": report.tokens, "measure": report.measure,
                  "train_cpu_seconds": report.cpu_seconds, "options": asdict(options)},
    })
    _replace_model(nlp, out, report.lang)
    report.model_bytes = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    record = {key: value for key, value in asdict(report).items() if key != "path"}
    (out / "training.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def _replace_model(nlp: Any, out: Path, lang: str) -> None:
    """Write `nlp` to `out` with the data licence notice (the one in `out`, else the shipped one).

    The notice must travel with every copy of the weights (CC BY-SA attribution), so a model
    written elsewhere with `--out` gets it too.
    """
    from spacy import util

    from warta.syntax.parse import model_path

    notices = [folder / "LICENSE-DATA.md" for folder in (out, model_path(lang))]
    notice = next((path for path in notices if path.is_file()), None)
    license_text = notice.read_text(encoding="utf-8") if notice else None
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    config = util.load_config(out / "config.cfg", interpolate=False)
    config["paths"]["train"] = config["paths"]["dev"] = None  # temporary files: keep the folder reproducible
    config.to_disk(out / "config.cfg")
    if license_text is not None:
        (out / "LICENSE-DATA.md").write_text(license_text, encoding="utf-8")


class _Writer(io.StringIO):
    """A file-like sink for spaCy's training log, passing whole lines to `progress`."""

    def __init__(self, say: Callable[[str], None]) -> None:
        super().__init__()
        self.say = say
        self.pending = ""

    def write(self, text: str) -> int:
        self.pending += text
        while "\n" in self.pending:
            line, self.pending = self.pending.split("\n", 1)
            if line.strip():
                self.say(line)
        return len(text)

