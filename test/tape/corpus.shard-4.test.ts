/** Shard 4 of the tape corpus under --parity (test/tape/corpusShard.ts says how the corpus is dealt). */
import { describeCorpusShard } from './corpusShard.js';

describeCorpusShard(4);
