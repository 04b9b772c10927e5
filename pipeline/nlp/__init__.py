"""spaCy pipeline for tagging: a jieba tokenizer and registered components over a Doc."""
