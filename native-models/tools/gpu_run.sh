#!/bin/bash
# One-shot GPU training job for the device tool (H200): trains storemind-bert-mini on CUDA and
# writes checkpoints (fp16 state_dicts), the vocabulary and logs into $OUT. The inputs travel in
# the ignored folder .gpu-data/ (datasets copy, project data snapshot, vocab.txt, smoke bundle);
# see native-models/README.md. Stops itself by wall clock: TRAIN_BUDGET_S counts from start.
set -o pipefail
export PYTHONUNBUFFERED=1
R=$(pwd)
G=${GPU_DATA:-$R/.gpu-data}
export STOREMIND_DATASETS=$G/datasets STOREMIND_PROJECT_DATA=$G/project STOREMIND_CATALOG=$G/no-catalog.json
OUT=${OUT:-/tmp/gpu_out}
mkdir -p "$OUT"
START=$(date +%s)
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
  python3 -c "import torch, sys; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), sys.version)"; } 2>&1 | tee "$OUT/run.log"
# reference cross-check of the factory's smoke bundle (onnxruntime, tokenizers, transformers exist there)
timeout 60 python3 native-models/tools/check_reference.py "$G/smoke_bundle" --state "$G/smoke_encoder.pt" 2>&1 | tee -a "$OUT/run.log"
USED=$(( $(date +%s) - START ))
BUDGET=$(( ${TRAIN_BUDGET_S:-345} - USED ))
echo "check took ${USED}s; training budget ${BUDGET}s" | tee -a "$OUT/run.log"
python3 native-models/build.py --config native-models/configs/storemind-bert-mini.json --device cuda \
  --train-only --skip-eval --vocab "$G/vocab.txt" --ckpt-dir "$OUT" --work /tmp/sm-work \
  --total-budget-s "$BUDGET" --threads 8 2>&1 | tee -a "$OUT/run.log"
rc=$?
echo "gpu_run rc=$rc total_s=$(( $(date +%s) - START ))" | tee -a "$OUT/run.log"
exit $rc
