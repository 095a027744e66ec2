import {createRandom} from "../lib/random.js";
import {tarGz} from "./archive.js";

const random = createRandom(Number(process.env.AR_SEED ?? 42));
const amounts = Array.from({length: 2000}, () => Math.round(random.logNormal(8, 1.1)));
process.stdout.write(tarGz([{name: "amounts.json", content: JSON.stringify(amounts)}]));
